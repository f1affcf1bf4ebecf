package io.memberautomation.core.store;

import io.memberautomation.spi.store.WorkLease;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The queue state of one execution. Exactly one index holds it: the claimable index at
 * {@code (availableAt, id)} when {@code claimable}, otherwise the leased index at {@code (leaseUntil, id)}.
 *
 * @param availableAt when the queued work may be claimed
 * @param lease       the last claim, still current (its holder may commit) until another claim or a
 *                    complete/release replaces it; kept after it lapses until then
 * @param claimable   free, or its lease lapsed: a claim may take it
 * @param requeuedAt  the earliest time work was enqueued after the lease was granted; that work is
 *                    not the holder's, so completing the lease keeps the entry for it
 */
record QueueEntry(String executionId, String organizationId, Instant availableAt, @Nullable WorkLease lease,
                  boolean claimable, @Nullable Instant requeuedAt) {

    static QueueEntry free(String executionId, String organizationId, Instant availableAt) {
        return new QueueEntry(executionId, organizationId, availableAt, null, true, null);
    }

    TimeKey indexKey() {
        return claimable || lease == null ? new TimeKey(availableAt, executionId)
                : new TimeKey(lease.leaseUntil(), executionId);
    }

    boolean heldBy(WorkLease candidate) {
        return lease != null && lease.fencingToken() == candidate.fencingToken()
                && lease.owner().equals(candidate.owner());
    }

    QueueEntry leased(WorkLease granted) {
        return new QueueEntry(executionId, organizationId, availableAt, granted, false, null);
    }

    QueueEntry lapsed() {
        return new QueueEntry(executionId, organizationId, Times.earliest(availableAt, requeuedAt), lease, true,
                requeuedAt);
    }

    QueueEntry extended(WorkLease renewed) {
        return new QueueEntry(executionId, organizationId, availableAt, renewed, false, requeuedAt);
    }

    QueueEntry requeued(Instant at) {
        Instant available = claimable ? Times.earliest(availableAt, at) : availableAt;
        Instant pending = lease == null ? null : Times.earliest(at, requeuedAt);
        return new QueueEntry(executionId, organizationId, available, lease, claimable, pending);
    }
}
