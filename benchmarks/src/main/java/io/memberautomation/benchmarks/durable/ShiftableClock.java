package io.memberautomation.benchmarks.durable;

import io.memberautomation.spi.Clock;
import java.time.Duration;
import java.time.Instant;

/** The system clock plus an offset the runner can move forward, so that timers come due without waiting. */
final class ShiftableClock implements Clock {
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }

    void shift(Duration amount) {
        offset = offset.plus(amount);
    }
}
