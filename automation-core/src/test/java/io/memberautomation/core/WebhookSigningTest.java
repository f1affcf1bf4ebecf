package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.core.action.SecretResolver;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks end to end: the engine signs with a secret the host resolves, and a receiver checks the
 * signature with its own implementation of the Standard Webhooks scheme, written here from the spec.
 */
class WebhookSigningTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** What the receiver saw of one request. */
    private record Delivery(String id, String timestamp, String signature, String body) {}

    private HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/signed", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void webhook_whenRetried_isSignedEachTimeWithTheSameIdAndTheAttemptsTimestamp() {
        // the definition also sets a webhook-signature header of its own: the engine's signature replaces it
        try (DefaultWebhookTransport transport = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
             EngineFixture f = new EngineFixture(builder -> builder.webhooks(transport).secrets(secrets()))) {
            f.member("m-1", Map.of("email", "ada@example.org"));
            f.activate(definition("crm"));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.advance(Duration.ofMinutes(5));

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(deliveries).hasSize(2);
            Delivery first = deliveries.get(0);
            Delivery retry = deliveries.get(1);
            assertThat(retry.id()).isEqualTo(first.id()).contains(f.only().id());
            assertThat(first.timestamp()).isEqualTo(Long.toString(EngineFixture.START.getEpochSecond()));
            assertThat(Long.parseLong(retry.timestamp())).isGreaterThan(Long.parseLong(first.timestamp()));
            assertThat(first.body()).isEqualTo("{\"member\":\"m-1\",\"note\":\"café\"}");
            for (Delivery delivery : deliveries) {
                assertThat(verifies(SECRET, delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature()))
                        .as("signature of attempt at %s", delivery.timestamp()).isTrue();
            }
            assertThat(verifies(SECRET, first.id(), first.timestamp(), first.body().replace("m-1", "m-2"),
                    first.signature())).as("a tampered body").isFalse();
            assertThat(verifies(SECRET, first.id(), retry.timestamp(), first.body(), first.signature()))
                    .as("a replayed signature with another timestamp").isFalse();
            assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), first.id(),
                    first.timestamp(), first.body(), first.signature())).as("another secret").isFalse();
            String history = f.history(f.only().id()).toString();
            assertThat(history).doesNotContain(SECRET.substring("whsec_".length())).doesNotContain(first.signature());
        }
    }

    @Test
    void webhook_whenSecretRefIsUnknown_failsForGoodAndSendsNothing() {
        try (DefaultWebhookTransport transport = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
             EngineFixture f = new EngineFixture(builder -> builder.webhooks(transport).secrets(secrets()))) {
            f.member("m-1", Map.of("email", "ada@example.org"));
            f.activate(definition("billing"));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.FAILED);
            List<StepLogEntry> history = f.history(f.only().id());
            assertThat(history).extracting(StepLogEntry::error).containsExactly(Optional.of("unknown secretRef billing"));
            assertThat(deliveries).isEmpty();
        }
    }

    private static SecretResolver secrets() {
        return (organizationId, secretRef) -> EngineFixture.ORG.equals(organizationId) && secretRef.equals("crm")
                ? Optional.of(SecretResolver.standardSecret(SECRET)) : Optional.empty();
    }

    private String definition(String secretRef) {
        return """
                { "id": "signed", "name": "Signed", "trigger": { "type": "payment_failed" },
                  "steps": [
                    { "id": "call", "type": "action",
                      "action": { "type": "webhook", "onError": "retry", "retryCount": 2,
                                  "params": { "url": "http://127.0.0.1:%d/signed", "secretRef": "%s",
                                              "headers": { "Webhook-Signature": "v1,forged-by-the-definition" },
                                              "body": { "member": "{{member.id}}", "note": "café" } } } } ] }
                """.formatted(server.getAddress().getPort(), secretRef);
    }

    /**
     * The receiver's check, from the Standard Webhooks spec: the key is the base64 after {@code whsec_}; the
     * signed content is {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>}
     * signatures, any of which may match; compare in constant time.
     */
    private static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
