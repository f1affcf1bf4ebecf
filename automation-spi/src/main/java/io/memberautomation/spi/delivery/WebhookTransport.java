package io.memberautomation.spi.delivery;

/**
 * Makes webhook calls. Implementations must cap connect time, total time and response size, must send
 * the idempotency key, and must report a call that got no answer (timeout, refused connection, refused
 * address) as {@link DeliveryException}: retryable for timeouts and connection trouble, not retryable for
 * an address the host does not allow.
 */
@FunctionalInterface
public interface WebhookTransport {
    WebhookResponse send(WebhookRequest request);
}
