package io.memberautomation.core.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One execution's record and step log. Its monitor is the execution's lock: a commit holds it from the
 * revision check to the last write, and readers take it, so nobody sees a commit half applied.
 *
 * <p>The log is an array in sequence order. The engine writes sequences in increasing order, so a commit's
 * entries are checked against the last one and appended; entries out of order are placed by binary search.
 */
final class ExecutionSlot {
    private static final StoredLog[] EMPTY = {};

    private final TimeKey creationKey;
    private ExecutionRecord record;
    private StoredLog[] logs = EMPTY;
    private int logCount;

    ExecutionSlot(ExecutionRecord record, List<StepLogEntry> initialLogs) {
        this.creationKey = new TimeKey(record.createdAt(), record.id());
        this.record = record;
        append(initialLogs);
    }

    /** Creation time then id: the execution's place in query order, which no commit can change. */
    TimeKey creationKey() {
        return creationKey;
    }

    synchronized ExecutionRecord record() {
        return record;
    }

    synchronized List<StepLogEntry> logs() {
        List<StepLogEntry> entries = new ArrayList<>(logCount);
        for (int i = 0; i < logCount; i++) {
            entries.add(logs[i].toEntry(record.id()));
        }
        return List.copyOf(entries);
    }

    /** Replaces the record; the caller holds this slot's monitor and has checked the revision. */
    void replace(ExecutionRecord next) {
        record = next;
    }

    /**
     * Refuses entries whose sequence is already written (or repeated), before anything is applied.
     * The caller holds this slot's monitor.
     */
    void checkNewSequences(List<StepLogEntry> entries) {
        if (ascendingAfterLast(entries)) {
            return;
        }
        Set<Integer> seen = new HashSet<>(entries.size() * 2);
        for (StepLogEntry entry : entries) {
            if (indexOf(entry.sequence()) >= 0 || !seen.add(entry.sequence())) {
                throw new ConcurrentUpdateException("step log " + entry.sequence() + " of execution "
                        + entry.executionId() + " is already written");
            }
        }
    }

    /** Appends checked entries; the caller holds this slot's monitor. */
    void append(List<StepLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (logCount + entries.size() > logs.length) {
            logs = Arrays.copyOf(logs, Math.max(logCount + entries.size(), logCount * 2));
        }
        for (StepLogEntry entry : entries) {
            int position = -indexOf(entry.sequence()) - 1;
            System.arraycopy(logs, position, logs, position + 1, logCount - position);
            logs[position] = StoredLog.of(entry);
            logCount++;
        }
    }

    /** The common case: strictly increasing sequences, all after the last one written. */
    private boolean ascendingAfterLast(List<StepLogEntry> entries) {
        int previous = logCount == 0 ? -1 : logs[logCount - 1].sequence;
        for (StepLogEntry entry : entries) {
            if (entry.sequence() <= previous) {
                return false;
            }
            previous = entry.sequence();
        }
        return true;
    }

    /** The index of the sequence in the log, or {@code -(insertion point) - 1} (as {@link Arrays#binarySearch}). */
    private int indexOf(int sequence) {
        int low = 0;
        int high = logCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = logs[middle].sequence;
            if (found < sequence) {
                low = middle + 1;
            } else if (found > sequence) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }
}
