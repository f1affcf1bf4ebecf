package io.memberautomation.spi.delivery;

/**
 * Sends email. Implementations must be thread-safe, must pass the idempotency key on to a provider
 * that deduplicates (or deduplicate themselves), and report failure as {@link DeliveryException}.
 */
@FunctionalInterface
public interface EmailSender {
    DeliveryReceipt send(EmailMessage message);
}
