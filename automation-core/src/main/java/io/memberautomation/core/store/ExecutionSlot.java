package io.memberautomation.core.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One execution's record and step log. Its monitor is the execution's lock: a commit holds it from the
 * revision check to the last write, and readers take it, so nobody sees a commit half applied.
 */
final class ExecutionSlot {
    private final TimeKey creationKey;
    private ExecutionRecord record;
    private final TreeMap<Integer, StepLogEntry> logs = new TreeMap<>();

    ExecutionSlot(ExecutionRecord record, List<StepLogEntry> initialLogs) {
        this.creationKey = new TimeKey(record.createdAt(), record.id());
        this.record = record;
        initialLogs.forEach(entry -> logs.put(entry.sequence(), entry));
    }

    /** Creation time then id: the execution's place in query order, which no commit can change. */
    TimeKey creationKey() {
        return creationKey;
    }

    synchronized ExecutionRecord record() {
        return record;
    }

    synchronized List<StepLogEntry> logs() {
        return List.copyOf(logs.values());
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
        Set<Integer> seen = new HashSet<>(entries.size() * 2);
        for (StepLogEntry entry : entries) {
            if (logs.containsKey(entry.sequence()) || !seen.add(entry.sequence())) {
                throw new ConcurrentUpdateException("step log " + entry.sequence() + " of execution "
                        + entry.executionId() + " is already written");
            }
        }
    }

    /** Appends checked entries; the caller holds this slot's monitor. */
    void append(List<StepLogEntry> entries) {
        entries.forEach(entry -> logs.put(entry.sequence(), entry));
    }
}
