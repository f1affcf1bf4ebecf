package io.memberautomation.core.registry;

import io.memberautomation.spi.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reloads the registry from the definition store at most once per interval of the engine's clock, so that a
 * node sees the saves, activations and pauses other nodes (or a host writing the store directly) made.
 * Confined to the housekeeping thread, or to the caller of {@code runDue}.
 */
public final class RegistryRefresh implements Runnable {
    private final AutomationRegistry registry;
    private final Clock clock;
    private final Duration interval;
    private Instant next;

    public RegistryRefresh(AutomationRegistry registry, Clock clock, Duration interval) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("definition refresh interval must be positive, got " + interval);
        }
        this.interval = interval;
        this.next = clock.now().plus(interval);
    }

    @Override
    public synchronized void run() {
        Instant now = clock.now();
        if (now.isBefore(next)) {
            return;
        }
        registry.refresh();
        next = now.plus(interval);
    }
}
