package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryBackoffTest {
    private static final Instant FAILED_AT = Instant.parse("2025-01-31T10:00:00Z");
    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    @ParameterizedTest(name = "retry {0}: {1} s before jitter")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 480", "6, 960", "7, 1920", "8, 3600", "20, 3600"})
    void nextAttemptAt_whenDefaultPolicy_staysWithinTwentyPercentOfTheCappedExponential(int retry, long seconds) {
        long expected = seconds * 1000;
        for (int seed = 0; seed < 50; seed++) {
            Instant next = RetryBackoff.nextAttemptAt(POLICY, retry, FAILED_AT, "exec-" + seed, Optional.empty());

            long delay = Duration.between(FAILED_AT, next).toMillis();
            assertThat(delay).isBetween((long) (expected * 0.8), Math.min((long) (expected * 1.2), 3_600_000L));
        }
    }

    @Test
    void nextAttemptAt_whenSameSeed_givesTheSameTime() {
        String seed = RetryBackoff.seed("exec-1", "step-1", 2);

        assertThat(RetryBackoff.nextAttemptAt(POLICY, 2, FAILED_AT, seed, Optional.empty()))
                .isEqualTo(RetryBackoff.nextAttemptAt(POLICY, 2, FAILED_AT, seed, Optional.empty()));
        assertThat(seed).isEqualTo("exec-1/step-1/2");
    }

    @Test
    void nextAttemptAt_whenSeedsDiffer_spreadsTheTimes() {
        Set<Instant> times = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            times.add(RetryBackoff.nextAttemptAt(POLICY, 1, FAILED_AT, RetryBackoff.seed("exec-" + i, "s", 1),
                    Optional.empty()));
        }

        assertThat(times).hasSizeGreaterThan(90);
        assertThat(times).anyMatch(t -> t.isBefore(FAILED_AT.plusSeconds(27)))
                .anyMatch(t -> t.isAfter(FAILED_AT.plusSeconds(33)));
    }

    @Test
    void nextAttemptAt_whenNotBeforeIsLater_waitsUntilThenEvenAboveTheCap() {
        Instant retryAfter = FAILED_AT.plus(Duration.ofHours(2));

        assertThat(RetryBackoff.nextAttemptAt(POLICY, 1, FAILED_AT, "s", Optional.of(retryAfter)))
                .isEqualTo(retryAfter);
    }

    @Test
    void nextAttemptAt_whenNotBeforeIsEarlier_keepsTheBackoff() {
        Instant backoff = RetryBackoff.nextAttemptAt(POLICY, 3, FAILED_AT, "s", Optional.empty());

        assertThat(RetryBackoff.nextAttemptAt(POLICY, 3, FAILED_AT, "s", Optional.of(FAILED_AT.plusSeconds(1))))
                .isEqualTo(backoff);
    }

    @Test
    void nextAttemptAt_whenCoefficientIsOne_keepsAConstantBaseDelay() {
        RetryPolicy constant = new RetryPolicy(Duration.ofSeconds(10), 1.0, Duration.ofMinutes(1));

        for (int retry = 1; retry <= 5; retry++) {
            long delay = Duration.between(FAILED_AT,
                    RetryBackoff.nextAttemptAt(constant, retry, FAILED_AT, "x" + retry, Optional.empty())).toMillis();
            assertThat(delay).isBetween(8_000L, 12_000L);
        }
    }
}
