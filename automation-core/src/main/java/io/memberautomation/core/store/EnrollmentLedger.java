package io.memberautomation.core.store;

import io.memberautomation.spi.store.EnrollmentGuard;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What enrollment decisions depend on: the event ids seen per organization and, per automation and
 * member, when the member last enrolled and how many of its executions are unfinished. The state is
 * split over lock stripes by key; an enrollment locks the stripes of every key it touches (event,
 * guards, execution ids) in ascending order, so its checks and writes are atomic without one global
 * lock, and lock order can never deadlock.
 */
final class EnrollmentLedger {
    private static final int STRIPE_BITS = 6;
    private static final int STRIPES = 1 << STRIPE_BITS;

    private final Stripe[] stripes = new Stripe[STRIPES];

    record GuardKey(String organizationId, String automationId, String memberId) {}

    record EventKey(String organizationId, String eventId) {}

    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        final HashMap<GuardKey, GuardState> guards = new HashMap<>();
        final HashMap<EventKey, Instant> events = new HashMap<>();
    }

    private static final class GuardState {
        @Nullable Instant lastEnrolledAt;
        int unfinished;
    }

    EnrollmentLedger() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
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
                    stripes[order[i]].lock.lock();
                }
                locked++;
            }
            return action.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                if (i == 0 || order[i] != order[i - 1]) {
                    stripes[order[i]].lock.unlock();
                }
            }
        }
    }

    boolean seen(EventKey event) {
        return stripe(event).events.containsKey(event);
    }

    void markSeen(EventKey event, Instant receivedAt) {
        stripe(event).events.put(event, receivedAt);
    }

    /**
     * Checks the guard for an enrollment created at {@code createdAt} and records it when admitted.
     *
     * @param unfinished whether the new execution counts as unfinished (it is not created terminal)
     */
    boolean admit(GuardKey key, EnrollmentGuard guard, Instant createdAt, boolean unfinished) {
        GuardState state = stripe(key).guards.computeIfAbsent(key, k -> new GuardState());
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
        Stripe stripe = stripe(key);
        stripe.lock.lock();
        try {
            GuardState state = stripe.guards.get(key);
            if (state != null) {
                state.unfinished = Math.max(0, state.unfinished + delta);
            }
        } finally {
            stripe.lock.unlock();
        }
    }

    int purgeEventsBefore(Instant cutoff) {
        int purged = 0;
        for (Stripe stripe : stripes) {
            stripe.lock.lock();
            try {
                int before = stripe.events.size();
                stripe.events.values().removeIf(receivedAt -> receivedAt.isBefore(cutoff));
                purged += before - stripe.events.size();
            } finally {
                stripe.lock.unlock();
            }
        }
        return purged;
    }

    private Stripe stripe(Object key) {
        return stripes[stripeOf(key)];
    }

    /**
     * The top bits of a multiplicative hash: a stripe's HashMaps index by the low bits of the same hash,
     * so taking the stripe from those would crowd each stripe's keys into a sixty-fourth of its buckets.
     */
    private static int stripeOf(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - STRIPE_BITS);
    }
}
