package io.memberautomation.core.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.WorkLease;
import io.memberautomation.spi.store.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The work queue: one entry per execution in a concurrent map, indexed by two concurrent skip lists
 * (claimable entries by availability, leased entries by lease end). Every change to an entry, its index
 * keys included, happens inside {@code compute} on that execution's key, so each entry changes atomically
 * without a queue-wide lock, and a claim costs O(log n) per execution claimed.
 *
 * <p>A claimer first takes the key out of the claimable index: the one whose removal succeeds may lease
 * the entry, and concurrent claimers skip it at once instead of queueing on its lock. If the entry changed
 * meanwhile, the change re-indexed it under its new key (a change removes the key it replaces and adds its
 * own, inside the same {@code compute}), so the claimer leaves it alone and the index stays exact. A change
 * that keeps the entry's key (a re-enqueue no earlier than it is available) leaves the index alone, so a key
 * a claimer took out is never put back behind its back: the claimer, finding the entry unchanged, only adds
 * its lease to the leased index.
 */
final class InMemoryWorkQueue implements WorkQueue {
    private final ConcurrentHashMap<String, QueueEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<TimeKey> claimable = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<TimeKey> leased = new ConcurrentSkipListSet<>();
    private final AtomicLong fencingTokens = new AtomicLong();

    @Override
    public void enqueue(String executionId, String organizationId, Instant availableAt) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(availableAt, "availableAt");
        entries.compute(executionId, (id, entry) -> {
            QueueEntry next = entry == null ? QueueEntry.free(id, organizationId, availableAt) : entry.requeued(availableAt);
            return reindexed(entry, next);
        });
    }

    @Override
    public List<WorkLease> claim(String owner, int limit, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Times.atLeastOne(limit);
        Instant until = now.plus(Times.positive(lease, "lease"));
        reopenLapsed(now);
        List<WorkLease> claimed = new ArrayList<>(Math.min(limit, 256));
        for (TimeKey key : claimable) {
            if (claimed.size() >= limit || key.at().isAfter(now)) {
                break;
            }
            if (!claimable.remove(key)) {
                continue;
            }
            entries.computeIfPresent(key.id(), (id, entry) -> {
                if (!entry.claimable() || !entry.indexKey().equals(key)) {
                    return entry;
                }
                WorkLease granted = new WorkLease(id, owner, fencingTokens.incrementAndGet(), until);
                claimed.add(granted);
                QueueEntry leasedEntry = entry.leased(granted);
                // this claimer took the entry's key out of the claimable index above
                leased.add(leasedEntry.indexKey());
                return leasedEntry;
            });
        }
        return claimed;
    }

    @Override
    public List<WorkLease> extend(Collection<WorkLease> leases, Instant now, Duration lease) {
        Instant until = now.plus(Times.positive(lease, "lease"));
        List<WorkLease> extended = new ArrayList<>(leases.size());
        for (WorkLease held : leases) {
            entries.computeIfPresent(held.executionId(), (id, entry) -> {
                if (!entry.heldBy(held)) {
                    return entry;
                }
                WorkLease renewed = new WorkLease(id, held.owner(), held.fencingToken(), until);
                extended.add(renewed);
                return reindexed(entry, entry.extended(renewed));
            });
        }
        return extended;
    }

    @Override
    public void complete(WorkLease lease) {
        entries.computeIfPresent(lease.executionId(), (id, entry) -> entry.heldBy(lease) ? settled(entry, null) : entry);
    }

    @Override
    public void release(WorkLease lease, Instant availableAt) {
        Objects.requireNonNull(availableAt, "availableAt");
        entries.computeIfPresent(lease.executionId(),
                (id, entry) -> entry.heldBy(lease) ? settled(entry, availableAt) : entry);
    }

    @Override
    public long size() {
        return entries.mappingCount();
    }

    /**
     * Completes (no {@code requeueAt}) or releases a lease as part of an execution commit, atomically
     * with the check that the lease is current.
     *
     * @throws ConcurrentUpdateException when the lease is not the current one
     */
    void settle(WorkLease lease, Optional<Instant> requeueAt) {
        entries.compute(lease.executionId(), (id, entry) -> {
            if (entry == null || !entry.heldBy(lease)) {
                throw new ConcurrentUpdateException("the lease on execution " + id + " is no longer current");
            }
            return settled(entry, requeueAt.orElse(null));
        });
    }

    /** Lets go of the lease: the entry goes when nothing else is pending, else waits for its earliest work. */
    private @Nullable QueueEntry settled(QueueEntry entry, @Nullable Instant availableAt) {
        Instant pending = availableAt == null ? entry.requeuedAt() : Times.earliest(availableAt, entry.requeuedAt());
        QueueEntry next = pending == null ? null : QueueEntry.free(entry.executionId(), entry.organizationId(), pending);
        return reindexed(entry, next);
    }

    /** Lapsed leases become claimable again, in order of their availability like any other entry. */
    private void reopenLapsed(Instant now) {
        for (TimeKey key : leased) {
            if (key.at().isAfter(now)) {
                return;
            }
            entries.computeIfPresent(key.id(), (id, entry) ->
                    !entry.claimable() && entry.indexKey().equals(key) ? reindexed(entry, entry.lapsed()) : entry);
        }
    }

    /**
     * Moves an entry's index key, or leaves the index alone when the key stays; called only inside
     * {@code compute} on the entry's execution id.
     */
    private @Nullable QueueEntry reindexed(@Nullable QueueEntry previous, @Nullable QueueEntry next) {
        if (previous != null && next != null && previous.claimable() == next.claimable()
                && previous.indexKey().equals(next.indexKey())) {
            return next;
        }
        if (previous != null) {
            (previous.claimable() ? claimable : leased).remove(previous.indexKey());
        }
        if (next != null) {
            (next.claimable() ? claimable : leased).add(next.indexKey());
        }
        return next;
    }
}
