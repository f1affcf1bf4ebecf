package io.memberautomation.spi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Executions with work to do. An execution is queued at most once: enqueuing a queued one keeps the
 * earlier of the two availability times and leaves an existing lease alone.
 *
 * <p>Implementations must be safe for several engine nodes: a queued execution is leased to one claimant
 * at a time; a lease that lapses makes the execution claimable again (so work of a dead node is carried
 * on); claims are served in a deterministic order (availability time, then execution id).
 */
public interface WorkQueue {

    /** Queues the execution to be claimable from {@code availableAt}. */
    void enqueue(String executionId, String organizationId, Instant availableAt);

    /**
     * Leases up to {@code limit} executions available at {@code now} whose lease is free or lapsed.
     *
     * @param owner the claiming node's id
     * @param lease how long the claim lasts unless extended
     */
    List<WorkLease> claim(String owner, int limit, Instant now, Duration lease);

    /** Extends leases still held (heartbeat); returns the leases that were extended. */
    List<WorkLease> extend(Collection<WorkLease> leases, Instant now, Duration lease);

    /**
     * Removes the execution from the queue if the lease is still the current one; a no-op otherwise
     * (the work was re-queued or re-claimed meanwhile).
     */
    void complete(WorkLease lease);

    /** Lets go of a lease without removing the entry, so the work is claimable again at {@code availableAt}. */
    void release(WorkLease lease, Instant availableAt);

    /** How many executions are queued (claimed or not). */
    long size();

    /**
     * Whether no execution is queued (claimed or not): {@code size() == 0}. The engine asks this on every
     * poll of every node; a store whose count reads every entry should answer it without counting.
     */
    default boolean isEmpty() {
        return size() == 0;
    }
}
