package io.memberautomation.spi.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The enrollment policy a store enforces atomically when it creates an execution for a member, so two
 * triggers racing on two nodes cannot both enroll where only one may.
 *
 * @param mode     which earlier executions of the same automation and member block a new one
 * @param cooldown minimum time since the member's previous enrollment, if any
 */
public record EnrollmentGuard(Mode mode, Optional<Duration> cooldown) {

    public enum Mode {
        /** No earlier execution blocks. */
        EVERY_TIME,
        /** Any earlier execution blocks, finished or not. */
        ONCE,
        /** An unfinished earlier execution blocks. */
        ONE_AT_A_TIME
    }

    public static final EnrollmentGuard NONE = new EnrollmentGuard(Mode.EVERY_TIME, Optional.empty());

    public EnrollmentGuard {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cooldown, "cooldown");
    }
}
