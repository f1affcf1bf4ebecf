package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.store.ExecutionStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook step against a real local HTTP server: retried on 503, its JSON answer read by a condition. */
class WebhookFlowTest {
    private HttpServer server;
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/score", exchange -> {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getRequestBody().readAllBytes();
            boolean fail = calls.incrementAndGet() == 1;
            byte[] body = (fail ? "{\"error\":\"busy\"}" : "{\"score\": 80}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void webhook_when503ThenOk_retriesWithSameKeyAndBranchesOnTheAnswer() {
        try (DefaultWebhookTransport local = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
             EngineFixture f = new EngineFixture(builder -> builder.webhooks(local))) {
            f.member("m-1", Map.of("email", "ada@example.org"));
            f.activate("""
                    { "id": "score", "name": "Score", "trigger": { "type": "payment_failed" },
                      "steps": [
                        { "id": "call", "type": "action", "nextSteps": ["check"],
                          "action": { "type": "webhook", "onError": "retry", "retryCount": 2,
                                      "params": { "url": "http://127.0.0.1:%d/score", "body": { "member": "{{member.id}}" } } } },
                        { "id": "check", "type": "condition", "nextSteps": ["hot"], "elseSteps": [],
                          "condition": { "conditions": [ { "field": "steps.call.output.score", "op": "gt", "value": 50 } ] } },
                        { "id": "hot", "type": "action", "action": { "type": "add_tag", "params": { "tag": "hot" } } } ] }
                    """.formatted(server.getAddress().getPort()));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);
            f.advance(Duration.ofMinutes(5));

            assertThat(calls).hasValue(2);
            assertThat(idempotencyKeys).hasSize(2).doesNotContainNull().containsOnly(idempotencyKeys.get(0));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("hot");
            assertThat(f.stepTrail(f.only().id())).containsExactly("call:retry_scheduled", "call:completed",
                    "check:completed", "hot:completed");
        }
    }
}
