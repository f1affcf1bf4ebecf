package io.memberautomation.core.store;

import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One execution's record and step log. Its monitor is the execution's lock: a commit holds it from the
 * revision check to the last write, and readers take it, so nobody sees a commit half applied.
 *
 * <p>Once the execution is terminal no commit can change it, and its record is kept as a {@link FinishedRecord};
 * the log is always a {@link StepLogBook}. Both give back values equal to those written.
 */
final class ExecutionSlot {
    private final TimeKey creationKey;
    private final String automationId;
    private @Nullable ExecutionRecord live;
    private @Nullable FinishedRecord finished;
    private final StepLogBook logs = new StepLogBook();

    ExecutionSlot(ExecutionRecord record, List<StepLogEntry> initialLogs) {
        this.creationKey = new TimeKey(record.createdAt(), record.id());
        this.automationId = record.automationId();
        replace(record);
        logs.append(initialLogs);
    }

    /** Creation time then id: the execution's place in query order, which no commit can change. */
    TimeKey creationKey() {
        return creationKey;
    }

    synchronized ExecutionRecord record() {
        return live != null ? live : finishedRecord().expand();
    }

    /** The record, when it matches a query's automation and statuses (empty statuses: any); null otherwise. */
    synchronized @Nullable ExecutionRecord matching(Optional<String> automation, Set<ExecutionStatus> statuses) {
        if (automation.isPresent() && !automation.get().equals(automationId)
                || !statuses.isEmpty() && !statuses.contains(status())) {
            return null;
        }
        return record();
    }

    /** The record when the execution is not terminal; null otherwise. */
    synchronized @Nullable ExecutionRecord unfinished() {
        return live;
    }

    synchronized List<StepLogEntry> logs() {
        return List.copyOf(logs.read(creationKey.id()));
    }

    /** Replaces the record; the caller holds this slot's monitor and has checked the revision. */
    void replace(ExecutionRecord next) {
        if (next.status().isTerminal()) {
            finished = new FinishedRecord(next);
            live = null;
        } else {
            live = next;
            finished = null;
        }
    }

    /**
     * Refuses entries whose sequence is already written (or repeated), before anything is applied.
     * The caller holds this slot's monitor.
     */
    void checkNewSequences(List<StepLogEntry> entries) {
        logs.checkNew(entries);
    }

    /** Appends checked entries; the caller holds this slot's monitor. */
    void append(List<StepLogEntry> entries) {
        logs.append(entries);
    }

    private ExecutionStatus status() {
        return live != null ? live.status() : finishedRecord().status();
    }

    private FinishedRecord finishedRecord() {
        FinishedRecord record = finished;
        if (record == null) {
            throw new IllegalStateException("execution " + creationKey.id() + " has no record");
        }
        return record;
    }
}
