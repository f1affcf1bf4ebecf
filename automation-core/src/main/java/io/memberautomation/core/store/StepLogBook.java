package io.memberautomation.core.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One execution's step log as the in-memory store keeps it: every entry in sequence order, written one after the
 * other into a single array (sequence, attempt, step, branch, status, start, end, error, detail size, then the
 * detail's keys and values). The store keeps every entry of every execution, and as objects an entry is a record,
 * a detail map and its nodes, each of which the garbage collector copies; here a whole log is one array. Entries
 * are read back equal to the ones written. Not thread-safe: the execution's slot guards it.
 *
 * <p>The engine writes sequences in increasing order, so entries after the last one are appended; any other
 * order is sorted in by rewriting the array.
 */
final class StepLogBook {
    private static final Object[] EMPTY = {};
    /** Cells before an entry's detail. */
    private static final int FIXED = 9;

    private Object[] cells = EMPTY;
    private int length;
    private int lastSequence = -1;

    /**
     * Refuses entries whose sequence is already written, or repeated among them, before anything is applied.
     *
     * @throws ConcurrentUpdateException naming the first such sequence
     */
    void checkNew(List<StepLogEntry> entries) {
        if (ascendingAfterLast(entries)) {
            return;
        }
        Set<Integer> written = new HashSet<>();
        for (int at = 0; at < length; at = next(at)) {
            written.add((Integer) cells[at]);
        }
        for (StepLogEntry entry : entries) {
            if (!written.add(entry.sequence())) {
                throw new ConcurrentUpdateException("step log " + entry.sequence() + " of execution "
                        + entry.executionId() + " is already written");
            }
        }
    }

    /** Adds entries {@link #checkNew checked} to be new. */
    void append(List<StepLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (!ascendingAfterLast(entries)) {
            List<StepLogEntry> all = read(entries.get(0).executionId());
            all.addAll(entries);
            all.sort(Comparator.comparingInt(StepLogEntry::sequence));
            cells = EMPTY;
            length = 0;
            lastSequence = -1;
            append(all);
            return;
        }
        int needed = length;
        for (StepLogEntry entry : entries) {
            needed += FIXED + 2 * entry.detail().size();
        }
        if (needed > cells.length) {
            cells = Arrays.copyOf(cells, length == 0 ? needed : Math.max(needed, length + length / 2));
        }
        for (StepLogEntry entry : entries) {
            write(entry);
        }
    }

    /** Every entry in sequence order. */
    List<StepLogEntry> read(String executionId) {
        List<StepLogEntry> entries = new ArrayList<>();
        for (int at = 0; at < length; at = next(at)) {
            int detailEnd = next(at);
            entries.add(new StepLogEntry(executionId, (Integer) cells[at], (String) cells[at + 2],
                    (String) cells[at + 3], (Integer) cells[at + 1], (StepStatus) cells[at + 4], (Instant) cells[at + 5],
                    (Instant) cells[at + 6], FlatMaps.map(cells, at + FIXED, detailEnd),
                    Optional.ofNullable((String) cells[at + 7])));
        }
        return entries;
    }

    private void write(StepLogEntry entry) {
        cells[length] = entry.sequence();
        cells[length + 1] = entry.attempt();
        cells[length + 2] = entry.stepId();
        cells[length + 3] = entry.branchId();
        cells[length + 4] = entry.status();
        cells[length + 5] = entry.startedAt();
        cells[length + 6] = entry.endedAt();
        cells[length + 7] = entry.error().orElse(null);
        cells[length + 8] = entry.detail().size();
        length = FlatMaps.put(entry.detail(), cells, length + FIXED);
        lastSequence = entry.sequence();
    }

    private int next(int at) {
        return at + FIXED + 2 * (Integer) cells[at + 8];
    }

    /** The common case: strictly increasing sequences, all after the last one written. */
    private boolean ascendingAfterLast(List<StepLogEntry> entries) {
        int previous = lastSequence;
        for (StepLogEntry entry : entries) {
            if (entry.sequence() <= previous) {
                return false;
            }
            previous = entry.sequence();
        }
        return true;
    }
}
