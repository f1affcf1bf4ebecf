package io.memberautomation.spi.delivery;

import java.util.Objects;

/**
 * Proof that a channel accepted a message.
 *
 * @param providerMessageId the provider's id for the message, or the idempotency key when it has none
 */
public record DeliveryReceipt(String providerMessageId) {
    public DeliveryReceipt {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
}
