package io.memberautomation.spi.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook call.
 *
 * @param organizationId the calling organization (for per-tenant secrets and allow-lists)
 * @param url            absolute http(s) URL, placeholders already rendered
 * @param method         GET, POST, PUT, PATCH or DELETE
 * @param headers        request headers, secrets included: a transport must never log them
 * @param body           the JSON body, if any
 * @param idempotencyKey stable per execution and step; sent as the {@code Idempotency-Key} header
 * @param secretRef      name of the signing secret to use, resolved by the host
 * @param timeout        the total time the call may take
 */
public record WebhookRequest(String organizationId, String url, String method, Map<String, String> headers,
                             Optional<String> body, String idempotencyKey, Optional<String> secretRef,
                             Duration timeout) {
    public WebhookRequest {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(secretRef, "secretRef");
        Objects.requireNonNull(timeout, "timeout");
    }
}
