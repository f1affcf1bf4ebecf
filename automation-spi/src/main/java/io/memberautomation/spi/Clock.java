package io.memberautomation.spi;

import java.time.Instant;

/**
 * The engine's only source of time. The engine never reads the system clock itself, so tests and the
 * {@code simulate} tool drive time with a settable clock, and a host can supply a clock of its own.
 *
 * <p>Implementations must be thread-safe and should never go backwards by more than clock skew.
 */
@FunctionalInterface
public interface Clock {
    Instant now();

    /** The system clock. */
    static Clock system() {
        return Instant::now;
    }
}
