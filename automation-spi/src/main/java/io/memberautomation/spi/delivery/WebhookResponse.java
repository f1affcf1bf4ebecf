package io.memberautomation.spi.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a webhook answered. Any HTTP status is an answer; the engine decides what is a failure.
 *
 * @param status  the HTTP status
 * @param headers response headers (lower-case names, first value)
 * @param body    the body as text, cut at the transport's size cap
 */
public record WebhookResponse(int status, Map<String, String> headers, Optional<String> body) {
    public WebhookResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
