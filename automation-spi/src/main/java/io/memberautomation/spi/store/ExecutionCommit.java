package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One atomic change to an execution: its new state, the step log entries that led there, the timers it
 * now waits on, and what happens to its queue entry. A store applies all of it or none of it.
 *
 * @param execution        the new state; its revision is the read revision plus one
 * @param stepLogs         entries to append, sequences continuing the execution's log
 * @param timers           EXECUTION timers to schedule
 * @param cancelTimers     remove the execution's other EXECUTION timers first (a cancel, an exit, a resume)
 * @param lease            the claim the commit is made under: the store refuses the commit with a
 *                         {@link io.memberautomation.spi.ConcurrentUpdateException} if it is no longer current
 * @param requeueAt        when present, the execution is (re)queued from that time; when absent, a held
 *                         lease's queue entry is removed (nothing left to do until a timer fires)
 */
public record ExecutionCommit(ExecutionRecord execution, List<StepLogEntry> stepLogs, List<DueTimer> timers,
                              boolean cancelTimers, Optional<WorkLease> lease, Optional<Instant> requeueAt) {
    public ExecutionCommit {
        Objects.requireNonNull(execution, "execution");
        stepLogs = List.copyOf(stepLogs);
        timers = List.copyOf(timers);
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(requeueAt, "requeueAt");
        for (DueTimer timer : timers) {
            if (timer.kind() != TimerKind.EXECUTION || !timer.targetId().equals(execution.id())) {
                throw new IllegalArgumentException("a commit schedules timers of its own execution only");
            }
        }
        for (StepLogEntry entry : stepLogs) {
            if (!entry.executionId().equals(execution.id())) {
                throw new IllegalArgumentException("a commit logs steps of its own execution only");
            }
        }
    }

    /** The revision the writer read; the store checks it is still the current one. */
    public long expectedRevision() {
        return execution.revision() - 1;
    }
}
