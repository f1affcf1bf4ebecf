package io.memberautomation.spi.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.member.MemberChange;
import java.util.ArrayList;
import java.util.Collection;
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
 *   <li>A commit is refused with {@link ConcurrentUpdateException} when the execution's current revision is
 *       not {@link ExecutionCommit#expectedRevision()}, or when its lease is no longer current; nothing of it
 *       is applied.</li>
 *   <li>A log entry's {@code (executionId, sequence)} is written at most once.</li>
 *   <li>Enrollment guards are checked and updated atomically with the creation they guard; an event id is
 *       accepted once per organization.</li>
 *   <li>Every read is scoped to the organization it names, where it names one.</li>
 *   <li>When the persistence has {@link Persistence#transactionalMembers() transactional members}, a commit's
 *       {@link ExecutionCommit#memberUpdates() member updates} are part of its atomic change: each patch is
 *       applied, in order, to the member as stored when the commit is made (locked against concurrent
 *       changes), so a commit refused for any reason changes no member, and an applied one changes it
 *       exactly once. A commit whose member no longer exists is refused with
 *       {@link ConcurrentUpdateException}. Without transactional members, a commit carrying member updates
 *       is rejected with {@link IllegalArgumentException}.</li>
 * </ul>
 * Transient failures are reported as {@link io.memberautomation.spi.InfrastructureException}.
 */
public interface ExecutionStore {

    EnrollmentResult enroll(Enrollment enrollment);

    /**
     * Applies several enrollments with the same guarantees, each, as {@link #enroll}: event ids deduplicated
     * (also against an earlier enrollment of the same batch), guards checked and updated, every enrollment
     * atomic. A store may apply them in one transaction, which is why a publisher of many events calls this
     * rather than {@link #enroll} in a loop. The outcome equals that of {@link #enroll} called for each
     * enrollment in the given order; in particular enrollments of the same member apply in list order.
     *
     * @return one result per enrollment, in the order given
     */
    default List<EnrollmentResult> enrollAll(List<Enrollment> enrollments) {
        List<EnrollmentResult> results = new ArrayList<>(enrollments.size());
        for (Enrollment enrollment : enrollments) {
            results.add(enroll(enrollment));
        }
        return results;
    }

    /**
     * Applies one commit atomically.
     *
     * @return the member changes it applied, one per {@link ExecutionCommit#memberUpdates()} entry in that
     *         order, each with the member as stored before and after the patch; empty when it carries none
     * @throws ConcurrentUpdateException when the commit is refused; nothing of it is applied
     */
    List<MemberChange> commit(ExecutionCommit commit);

    /**
     * Applies several commits. A store may apply them in one transaction; each commit stays atomic, and a
     * commit that conflicts is reported in the result while the others still apply.
     *
     * @return one result per commit, in the order given
     */
    default List<CommitResult> commitAll(List<ExecutionCommit> commits) {
        List<CommitResult> results = new ArrayList<>(commits.size());
        for (ExecutionCommit commit : commits) {
            try {
                results.add(CommitResult.applied(commit.execution().id(), commit(commit)));
            } catch (ConcurrentUpdateException e) {
                results.add(CommitResult.refused(commit.execution().id()));
            }
        }
        return results;
    }

    Optional<ExecutionRecord> find(String executionId);

    /**
     * The executions among {@code executionIds} that exist, in no particular order: what a worker reads for a
     * batch of claims at once. A store may read them in one query.
     */
    default List<ExecutionRecord> findAll(Collection<String> executionIds) {
        List<ExecutionRecord> found = new ArrayList<>(executionIds.size());
        for (String id : executionIds) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    /** The execution's log entries in sequence order. */
    List<StepLogEntry> stepLogs(String executionId);

    ExecutionPage query(ExecutionQuery query);

    /** Unfinished executions of a member, for exit criteria checked when the member changes. */
    List<ExecutionRecord> findUnfinished(String organizationId, String memberId);
}
