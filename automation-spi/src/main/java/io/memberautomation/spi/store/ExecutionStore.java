package io.memberautomation.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * Executions and their step logs.
 *
 * <p>Implementations must guarantee:
 * <ul>
 *   <li>{@link #enroll} and {@link #commit} are atomic: every record, log entry, timer and queue change
 *       of one call is applied, or none is. Their timers and queue entries go to the {@link TimerStore}
 *       and {@link WorkQueue} of the same {@link Persistence}.</li>
 *   <li>A commit is refused with {@link io.memberautomation.spi.ConcurrentUpdateException} when the
 *       execution's current revision is not {@link ExecutionCommit#expectedRevision()}, or when its lease
 *       is no longer current; nothing of it is applied.</li>
 *   <li>A log entry's {@code (executionId, sequence)} is written at most once.</li>
 *   <li>Enrollment guards are checked and updated atomically with the creation they guard; an event id is
 *       accepted once per organization.</li>
 *   <li>Every read is scoped to the organization it names, where it names one.</li>
 * </ul>
 * Transient failures are reported as {@link io.memberautomation.spi.InfrastructureException}.
 */
public interface ExecutionStore {

    EnrollmentResult enroll(Enrollment enrollment);

    void commit(ExecutionCommit commit);

    /**
     * Applies several commits. A store may apply them in one transaction; a commit that conflicts is
     * reported in the result and the others still apply.
     *
     * @return the ids of executions whose commit was refused as a concurrent update
     */
    default List<String> commitAll(List<ExecutionCommit> commits) {
        List<String> refused = new java.util.ArrayList<>();
        for (ExecutionCommit commit : commits) {
            try {
                commit(commit);
            } catch (io.memberautomation.spi.ConcurrentUpdateException e) {
                refused.add(commit.execution().id());
            }
        }
        return refused;
    }

    Optional<ExecutionRecord> find(String executionId);

    /** The execution's log entries in sequence order. */
    List<StepLogEntry> stepLogs(String executionId);

    ExecutionPage query(ExecutionQuery query);

    /** Unfinished executions of a member, for exit criteria checked when the member changes. */
    List<ExecutionRecord> findUnfinished(String organizationId, String memberId);
}
