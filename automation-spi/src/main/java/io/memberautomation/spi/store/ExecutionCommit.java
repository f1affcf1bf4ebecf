package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
 * @param memberUpdates    member changes made by the steps {@code stepLogs} record, for a store whose persistence
 *                         has {@link Persistence#transactionalMembers() transactional members} to apply in this
 *                         commit's transaction; each belongs to the execution's member and to one of
 *                         {@code stepLogs}. Empty whenever the engine applied the changes through its directory.
 */
public record ExecutionCommit(ExecutionRecord execution, List<StepLogEntry> stepLogs, List<DueTimer> timers,
                              boolean cancelTimers, Optional<WorkLease> lease, Optional<Instant> requeueAt,
                              List<MemberUpdate> memberUpdates) {
    /** A commit that changes no member. */
    public ExecutionCommit(ExecutionRecord execution, List<StepLogEntry> stepLogs, List<DueTimer> timers,
                           boolean cancelTimers, Optional<WorkLease> lease, Optional<Instant> requeueAt) {
        this(execution, stepLogs, timers, cancelTimers, lease, requeueAt, List.of());
    }

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
        memberUpdates = List.copyOf(memberUpdates);
        if (!memberUpdates.isEmpty()) {
            checkMemberUpdates(execution, stepLogs, memberUpdates);
        }
    }

    private static void checkMemberUpdates(ExecutionRecord execution, List<StepLogEntry> stepLogs,
                                           List<MemberUpdate> updates) {
        Set<Integer> sequences = stepLogs.stream().map(StepLogEntry::sequence).collect(Collectors.toSet());
        for (MemberUpdate update : updates) {
            if (!update.organizationId().equals(execution.organizationId())
                    || !execution.memberId().equals(Optional.of(update.memberId()))) {
                throw new IllegalArgumentException("a commit changes its own execution's member only");
            }
            if (!sequences.contains(update.logSequence())) {
                throw new IllegalArgumentException("a member update belongs to a step the commit logs");
            }
        }
    }

    /** The revision the writer read; the store checks it is still the current one. */
    public long expectedRevision() {
        return execution.revision() - 1;
    }
}
