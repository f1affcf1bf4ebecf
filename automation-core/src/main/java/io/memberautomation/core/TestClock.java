package io.memberautomation.core;

import io.memberautomation.spi.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move. The engine reads its clock for every decision (when a
 * delay ends, whether a timer is due, when a lease lapses), so a test that sets this clock decides what
 * the engine sees as "now": a thirty-day delay passes with one {@link #advance(Duration)}.
 *
 * <p>It never sleeps and never reads the system clock. It only moves forward, like the time of a real
 * deployment, so a test cannot produce histories that production never would. Thread-safe: engine
 * workers may read it while a test moves it.
 */
public final class TestClock implements Clock {
    private final AtomicReference<Instant> current;

    private TestClock(Instant start) {
        this.current = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** A clock standing at {@code start}. */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    @Override
    public Instant now() {
        return current.get();
    }

    /**
     * Moves the clock to {@code instant}.
     *
     * @return the new time
     * @throws IllegalArgumentException when {@code instant} is before the current time
     */
    public Instant set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return current.updateAndGet(previous -> {
            if (instant.isBefore(previous)) {
                throw new IllegalArgumentException("the test clock does not go backwards: " + previous + " -> " + instant);
            }
            return instant;
        });
    }

    /**
     * Moves the clock forward by {@code amount}.
     *
     * @return the new time
     * @throws IllegalArgumentException when {@code amount} is negative
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the test clock does not go backwards: " + amount);
        }
        return current.updateAndGet(previous -> previous.plus(amount));
    }

    @Override
    public String toString() {
        return "TestClock[" + current.get() + "]";
    }
}
