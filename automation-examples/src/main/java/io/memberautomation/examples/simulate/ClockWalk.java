package io.memberautomation.examples.simulate;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.spi.store.TimerStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives an engine through virtual time: moves a {@link TestClock} to the earliest of the host's next
 * activity and the engine's next timer, does the host's activity of that instant, runs everything due on
 * the calling thread, and repeats until the next stop is at or after {@code until}. Nothing sleeps, so
 * months of simulated time take as long as the work in them. The {@code simulate} tool walks a scenario's
 * timeline this way, the demo its generated month of membership activity.
 */
public final class ClockWalk {

    /** What the host does, and when; the walk asks it for the next instant after each stop. */
    public interface Agenda {

        /** When the host next does something; empty when it has nothing more to do. */
        Optional<Instant> nextAt();

        /** Does everything the host does at {@code now}, the instant {@link #nextAt()} last returned. */
        void runAt(Instant now);
    }

    private ClockWalk() {}

    /**
     * Walks the clock from its current time to {@code until} (exclusive).
     *
     * @param timers the timers of the engine's persistence, read for the next stop
     * @throws IllegalStateException when a timer is still due after the engine ran everything due: nothing
     *                               would ever run it, and waiting for it would loop forever
     */
    public static void walk(AutomationEngine engine, TestClock clock, TimerStore timers, Agenda agenda,
                            Instant until) {
        Objects.requireNonNull(until, "until");
        while (true) {
            Optional<Instant> timer = timers.nextDueAt();
            if (timer.isPresent() && !timer.get().isAfter(clock.now())) {
                throw new IllegalStateException("the engine left a timer due at " + timer.get() + " unrun at "
                        + clock.now());
            }
            Optional<Instant> stop = earliest(agenda.nextAt(), timer);
            if (stop.isEmpty() || !stop.get().isBefore(until)) {
                return;
            }
            clock.set(stop.get());
            if (agenda.nextAt().filter(stop.get()::equals).isPresent()) {
                agenda.runAt(stop.get());
            }
            engine.runDue();
        }
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
}
