package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryBackoffProperties {
    private static final Instant EPOCH_2025 = Instant.parse("2025-01-01T00:00:00Z");

    @Property
    void nextAttemptAt_forAnyPolicy_isWithinFailedAtAndTheCapOrNotBefore(
            @ForAll("policies") RetryPolicy policy, @ForAll @IntRange(min = 1, max = 200) int retry,
            @ForAll @LongRange(min = 0, max = 10_000_000) long failedOffsetSeconds, @ForAll String seed,
            @ForAll("notBefore") Optional<Duration> notBeforeOffset) {
        Instant failedAt = EPOCH_2025.plusSeconds(failedOffsetSeconds);
        Optional<Instant> notBefore = notBeforeOffset.map(failedAt::plus);

        Instant next = RetryBackoff.nextAttemptAt(policy, retry, failedAt, seed, notBefore);

        Instant upper = failedAt.plus(policy.maxInterval());
        if (notBefore.isPresent() && notBefore.get().isAfter(upper)) {
            assertThat(next).isEqualTo(notBefore.get());
        } else {
            assertThat(next).isBetween(failedAt, upper);
            notBefore.ifPresent(limit -> assertThat(next).isAfterOrEqualTo(limit));
        }
    }

    @Property
    void delayBefore_forAnyPolicy_neverDecreasesWithTheRetryNumber(
            @ForAll("policies") RetryPolicy policy, @ForAll @IntRange(min = 1, max = 199) int retry) {
        assertThat(policy.delayBefore(retry + 1)).isGreaterThanOrEqualTo(policy.delayBefore(retry));
    }

    @Property
    void nextAttemptAt_forAnySeed_isDeterministic(@ForAll("policies") RetryPolicy policy,
                                                 @ForAll @IntRange(min = 1, max = 50) int retry, @ForAll String seed) {
        assertThat(RetryBackoff.nextAttemptAt(policy, retry, EPOCH_2025, seed, Optional.empty()))
                .isEqualTo(RetryBackoff.nextAttemptAt(policy, retry, EPOCH_2025, seed, Optional.empty()));
    }

    @Provide
    Arbitrary<RetryPolicy> policies() {
        Arbitrary<Long> initialMillis = Arbitraries.longs().between(1, 3_600_000);
        Arbitrary<Double> coefficient = Arbitraries.doubles().between(1.0, 10.0);
        Arbitrary<Long> extraMillis = Arbitraries.longs().between(0, 86_400_000L);
        return Combinators.combine(initialMillis, coefficient, extraMillis).as((initial, factor, extra) ->
                new RetryPolicy(Duration.ofMillis(initial), factor, Duration.ofMillis(initial + extra)));
    }

    @Provide
    Arbitrary<Optional<Duration>> notBefore() {
        return Arbitraries.longs().between(-86_400, 172_800).map(Duration::ofSeconds).optional();
    }
}
