package io.memberautomation.spi.delivery;

import io.memberautomation.spi.AutomationException;
import java.time.Instant;
import java.util.Optional;

/**
 * A channel could not deliver. {@link #retryable()} says whether trying again may succeed (a timeout,
 * a 5xx answer, a rate limit) or not (a refused address, a 4xx answer); {@link #retryNotBefore()} is the
 * earliest time worth trying again, when the provider said so (a {@code Retry-After} header).
 */
public class DeliveryException extends AutomationException {
    private final boolean retryable;
    private final transient Optional<Instant> retryNotBefore;

    public DeliveryException(String message, boolean retryable, Optional<Instant> retryNotBefore) {
        super(message);
        this.retryable = retryable;
        this.retryNotBefore = retryNotBefore;
    }

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryNotBefore = Optional.empty();
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Instant> retryNotBefore() {
        return retryNotBefore;
    }
}
