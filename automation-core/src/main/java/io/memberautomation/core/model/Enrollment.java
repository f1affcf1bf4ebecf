package io.memberautomation.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The enrollment policy of an automation.
 *
 * @param policy   whether a member may enroll again
 * @param cooldown minimum time between two enrollments of the same member, if any
 */
public record Enrollment(EnrollmentPolicy policy, Optional<IsoDuration> cooldown) {

    public static final Enrollment DEFAULT = new Enrollment(EnrollmentPolicy.ONE_AT_A_TIME, Optional.empty());

    public Enrollment {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(cooldown, "cooldown");
        cooldown.ifPresent(c -> {
            if (c.isNegative()) {
                throw new IllegalArgumentException("cooldown must not be negative: " + c);
            }
        });
    }
}
