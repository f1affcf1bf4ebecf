package io.memberautomation.core.store;

import io.memberautomation.core.internal.ScopedKey;
import io.memberautomation.spi.store.EnrollmentGuard;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What enrollment decisions depend on: the event ids seen per organization and, per automation and
 * member, when the member last enrolled and how many of its executions are unfinished. Keys are guarded
 * by lock stripes; an enrollment locks the stripes of every key it touches (event, guards, execution
 * ids) in ascending order, so its checks and writes are atomic without one global lock, and lock order
 * can never deadlock. The state itself is in concurrent maps shared by all stripes (a key is only
 * changed under its stripe): per-stripe hash maps would index by hash bits correlated with the stripe's,
 * and kept event ids are one map entry each, without a key object.
 */
final class EnrollmentLedger {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;

    /**
     * {@code equals} and {@code hashCode} are written out: the generated ones dispatch through a method handle
     * shared by every record class, which the JIT does not inline on these hot lookups.
     */
    record GuardKey(String organizationId, String automationId, String memberId) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof GuardKey other && organizationId.equals(other.organizationId)
                    && automationId.equals(other.automationId) && memberId.equals(other.memberId);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * organizationId.hashCode() + automationId.hashCode()) + memberId.hashCode();
        }
    }

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ConcurrentHashMap<GuardKey, GuardState> guards = new ConcurrentHashMap<>();
    /** Event ids seen, with when they were received, per organization. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Instant>> events = new ConcurrentHashMap<>();

    private static final class GuardState {
        @Nullable Instant lastEnrolledAt;
        int unfinished;
    }

    EnrollmentLedger() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} holding the stripes of every key; the methods below need their key's stripe held. */
    <T> T locked(List<?> keys, Supplier<T> action) {
        int[] order = new int[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = stripeOf(keys.get(i));
        }
        Arrays.sort(order);
        int locked = 0;
        try {
            for (int i = 0; i < order.length; i++) {
                if (i == 0 || order[i] != order[i - 1]) {
                    locks[order[i]].lock();
                }
                locked++;
            }
            return action.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                if (i == 0 || order[i] != order[i - 1]) {
                    locks[order[i]].unlock();
                }
            }
        }
    }

    boolean seen(ScopedKey event) {
        Map<String, Instant> seen = events.get(event.organizationId());
        return seen != null && seen.containsKey(event.id());
    }

    void markSeen(ScopedKey event, Instant receivedAt) {
        events.computeIfAbsent(event.organizationId(), org -> new ConcurrentHashMap<>()).put(event.id(), receivedAt);
    }

    /**
     * Checks the guard for an enrollment created at {@code createdAt} and records it when admitted.
     *
     * @param unfinished whether the new execution counts as unfinished (it is not created terminal)
     */
    boolean admit(GuardKey key, EnrollmentGuard guard, Instant createdAt, boolean unfinished) {
        GuardState state = guards.computeIfAbsent(key, k -> new GuardState());
        Instant last = state.lastEnrolledAt;
        if (last != null && guard.mode() == EnrollmentGuard.Mode.ONCE) {
            return false;
        }
        if (last != null && guard.cooldown().isPresent() && createdAt.isBefore(last.plus(guard.cooldown().get()))) {
            return false;
        }
        if (guard.mode() == EnrollmentGuard.Mode.ONE_AT_A_TIME && state.unfinished > 0) {
            return false;
        }
        state.lastEnrolledAt = last == null || createdAt.isAfter(last) ? createdAt : last;
        if (unfinished) {
            state.unfinished++;
        }
        return true;
    }

    /**
     * Counts an execution of the guarded member as finished ({@code delta} -1: it became terminal) or
     * unfinished again ({@code delta} +1). Takes the key's stripe itself.
     */
    void unfinishedChanged(GuardKey key, int delta) {
        ReentrantLock lock = locks[stripeOf(key)];
        lock.lock();
        try {
            GuardState state = guards.get(key);
            if (state != null) {
                state.unfinished = Math.max(0, state.unfinished + delta);
            }
        } finally {
            lock.unlock();
        }
    }

    int purgeEventsBefore(Instant cutoff) {
        int purged = 0;
        for (Map.Entry<String, ConcurrentHashMap<String, Instant>> organization : events.entrySet()) {
            for (Map.Entry<String, Instant> seen : organization.getValue().entrySet()) {
                if (seen.getValue().isBefore(cutoff)) {
                    // under the event's stripe, as every other change of it
                    ScopedKey key = new ScopedKey(organization.getKey(), seen.getKey());
                    ReentrantLock lock = locks[stripeOf(key)];
                    lock.lock();
                    try {
                        if (organization.getValue().remove(seen.getKey(), seen.getValue())) {
                            purged++;
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
        return purged;
    }

    /** The top bits of a multiplicative hash, which spreads keys with neighbouring hashes over the stripes. */
    private static int stripeOf(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - STRIPE_BITS);
    }
}
