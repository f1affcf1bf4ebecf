package io.memberautomation.core.action;

import io.memberautomation.core.model.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed action is tried again: exponential backoff with jitter, as a pure function (no clock, no
 * randomness, no sleeping), so the same failure always gets the same retry time and a dry run prints the
 * times a real run would use.
 *
 * <p>For retry {@code n} (1 = the first retry) the delay is {@link RetryPolicy#delayBefore(int)}, that is
 * {@code min(maxInterval, initialInterval * backoffCoefficient^(n-1))}, multiplied by a jitter factor in
 * {@code [0.8, 1.2)} and capped again at {@code maxInterval}. The factor is derived from a seed string by a
 * fixed hash, so it spreads the retries of many executions that failed together (a provider outage) across
 * the interval without any shared random state. The result is never earlier than the provider's
 * {@code notBefore} (a {@code Retry-After} answer), which wins even above {@code maxInterval}.
 */
public final class RetryBackoff {

    /** The jitter fraction: delays vary by up to 20% either way. */
    public static final double JITTER = 0.2;

    private RetryBackoff() {}

    /**
     * The earliest time of the next attempt.
     *
     * @param policy      the action's retry policy
     * @param retryNumber 1 for the first retry (the second attempt), 2 for the next, ...
     * @param failedAt    when the failed attempt ended
     * @param jitterSeed  a string stable for this execution, step and attempt: see {@link #seed}
     * @param notBefore   the earliest time the failure itself allows, if it named one
     * @return {@code max(notBefore, failedAt + min(maxInterval, delay * jitterFactor))}
     */
    public static Instant nextAttemptAt(RetryPolicy policy, int retryNumber, Instant failedAt, String jitterSeed,
                                        Optional<Instant> notBefore) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(jitterSeed, "jitterSeed");
        Objects.requireNonNull(notBefore, "notBefore");
        long baseMillis = policy.delayBefore(retryNumber).toMillis();
        double factor = 1.0 - JITTER + 2 * JITTER * unitInterval(jitterSeed);
        long jittered = Math.min(policy.maxInterval().toMillis(), Math.round(baseMillis * factor));
        Instant next = failedAt.plus(Duration.ofMillis(jittered));
        return notBefore.filter(limit -> limit.isAfter(next)).orElse(next);
    }

    /** The conventional seed: execution id, step id and the attempt that failed. */
    public static String seed(String executionId, String stepId, int attempt) {
        return executionId + '/' + stepId + '/' + attempt;
    }

    /** A number in [0, 1) from the seed: 64-bit FNV-1a over its UTF-8 bytes, then a SplitMix64 finish. */
    private static double unitInterval(String seed) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return (hash >>> 11) * 0x1.0p-53;
    }
}
