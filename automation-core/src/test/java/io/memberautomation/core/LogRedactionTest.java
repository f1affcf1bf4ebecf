package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.core.action.Redaction;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.store.ExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches a step log or a log line: a webhook with an {@code Authorization} header, an
 * {@code api_key} query param and body field, a member with an {@code ssn}, and receivers that echo all of
 * it back. The engine's SLF4J output (slf4j-simple writes to {@code System.err}) is captured.
 */
class LogRedactionTest {
    private static final String TOKEN = "sekret-token-123";
    private static final String API_KEY = "key-abc-987";
    private static final String SSN = "123-45-6789";
    private static final List<String> SECRETS = List.of(TOKEN, API_KEY, SSN);

    private HttpServer server;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String query = exchange.getRequestURI().getRawQuery();
            byte[] answer = ("{\"authorization\": \"" + auth + "\", \"echo\": \"saw " + auth + " and " + query
                    + "\", \"received\": " + body + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/reject", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = ("rejected " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestURI().getRawQuery() + " " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        server.stop(0);
    }

    @Test
    void stepLogs_whenWebhooksAndConditionsTouchSecrets_showRedactedInstead() {
        try (DefaultWebhookTransport transport = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
             EngineFixture f = new EngineFixture(builder -> builder.webhooks(transport))) {
            f.member("m-1", Map.of("email", "ada@example.org", "ssn", SSN));
            f.activate(definition(server.getAddress().getPort()));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(f.stepTrail(f.only().id())).containsExactly("echo:completed", "check:completed",
                    "reject:failed");
            String history = f.history(f.only().id()).toString();
            assertThat(history).contains(Redaction.REDACTED);
            SECRETS.forEach(secret -> assertThat(history).as("step logs").doesNotContain(secret));
            assertThat(f.only().error().orElseThrow()).contains("webhook answered 400");
            assertThat(f.history(f.only().id()).get(0).detail()).extractingByKey("output")
                    .asString().contains("authorization=" + Redaction.REDACTED, "member=m-1");
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        SECRETS.forEach(secret -> assertThat(log).as("log lines").doesNotContain(secret));
    }

    @Test
    void logLines_whenAHostTransportThrowsWithTheHeadersInItsMessage_showRedactedInstead() {
        try (EngineFixture f = new EngineFixture(builder -> builder
                .sensitiveFields(Set.of("ssn"))
                .webhooks(request -> {
                    throw new IllegalStateException("cannot send " + request.url() + " with " + request.headers()
                            + " body " + request.body().orElse(""));
                }))) {
            f.member("m-1", Map.of("email", "ada@example.org", "ssn", SSN));
            f.activate(definition(9));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.FAILED);
            String history = f.history(f.only().id()).toString();
            assertThat(history).contains("IllegalStateException", Redaction.REDACTED);
            SECRETS.forEach(secret -> assertThat(history).as("step logs").doesNotContain(secret));
            SECRETS.forEach(secret -> assertThat(f.only().error().orElseThrow()).doesNotContain(secret));
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("threw java.lang.IllegalStateException: cannot send", Redaction.REDACTED);
        SECRETS.forEach(secret -> assertThat(log).as("log lines").doesNotContain(secret));
    }

    private static String definition(int port) {
        String params = """
                "url": "http://127.0.0.1:%d/%%s?api_key=%s&page=2",
                "headers": { "Authorization": "Bearer %s", "X-Request-Source": "automation" },
                "body": { "api_key": "%s", "ssn": "{{member.ssn}}", "member": "{{member.id}}" }
                """.formatted(port, API_KEY, TOKEN, API_KEY);
        return """
                { "id": "leaky", "name": "Leaky", "trigger": { "type": "payment_failed" },
                  "steps": [
                    { "id": "echo", "type": "action", "nextSteps": ["check"],
                      "action": { "type": "webhook", "params": { %s } } },
                    { "id": "check", "type": "condition", "nextSteps": ["reject"], "elseSteps": [],
                      "condition": { "conditions": [ { "field": "member.ssn", "op": "starts_with", "value": "123" } ] } },
                    { "id": "reject", "type": "action",
                      "action": { "type": "webhook", "params": { %s } } } ] }
                """.formatted(params.formatted("echo"), params.formatted("reject"));
    }
}
