package io.memberautomation.core.action.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the Standard Webhooks way: {@code webhook-id}, {@code webhook-timestamp} (Unix seconds)
 * and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. Receivers reject a
 * timestamp too far from their clock, so the timestamp is the attempt's time, and the id stays the step's
 * idempotency key so a retry is recognisably the same message.
 */
final class WebhookSignature {
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {}

    /** The three headers for the body as sent (UTF-8; no body signs the empty string). */
    static Map<String, String> headers(String id, Instant at, String body, byte[] key) {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac = hmac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, "v1," + Base64.getEncoder().encodeToString(mac));
        return headers;
    }
}
