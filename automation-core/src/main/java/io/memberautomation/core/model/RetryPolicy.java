package io.memberautomation.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts of a failing action. The delay before retry {@code n} (1-based)
 * is {@code min(maxInterval, initialInterval * backoffCoefficient^(n-1))}, with jitter applied by the engine.
 *
 * @param initialInterval    delay before the first retry (default 30 s)
 * @param backoffCoefficient growth factor, at least 1 (default 2.0)
 * @param maxInterval        cap on any single delay (default 1 h)
 */
public record RetryPolicy(Duration initialInterval, double backoffCoefficient, Duration maxInterval) {

    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(30);
    public static final double DEFAULT_BACKOFF_COEFFICIENT = 2.0;
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofHours(1);
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(DEFAULT_INITIAL_INTERVAL, DEFAULT_BACKOFF_COEFFICIENT, DEFAULT_MAX_INTERVAL);

    public RetryPolicy {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be positive: " + initialInterval);
        }
        if (!(backoffCoefficient >= 1.0) || Double.isInfinite(backoffCoefficient)) {
            throw new IllegalArgumentException("backoffCoefficient must be a finite number >= 1: " + backoffCoefficient);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval " + maxInterval + " is below initialInterval " + initialInterval);
        }
    }

    /** The delay before retry {@code retry} (1 = the first retry), without jitter. */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1: " + retry);
        }
        double millis = initialInterval.toMillis() * Math.pow(backoffCoefficient, retry - 1);
        if (millis >= maxInterval.toMillis()) {
            return maxInterval;
        }
        return Duration.ofMillis((long) millis);
    }
}
