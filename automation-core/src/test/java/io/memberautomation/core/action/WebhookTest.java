package io.memberautomation.core.action;

import static io.memberautomation.core.action.ActionFixtures.NOW;
import static io.memberautomation.core.action.ActionFixtures.context;
import static io.memberautomation.core.action.ActionFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook handler and {@link DefaultWebhookTransport} against a real HTTP server on 127.0.0.1. */
class WebhookTest {
    private static final int TWO_MB = 2 * 1024 * 1024;

    private record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;
    private DefaultWebhookTransport transport;
    private ActionHandler handler;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/ok", exchange -> answer(exchange, 200, Map.of("X-Trace-Id", "t-1"),
                "{\"approved\": true, \"score\": 7, \"nested\": {\"gone\": null, \"b\": \"x\"}}"));
        server.createContext("/text", exchange -> answer(exchange, 200, Map.of(), "thanks"));
        server.createContext("/unavailable", exchange -> answer(exchange, 503, Map.of(), "down"));
        server.createContext("/limited", exchange -> answer(exchange, 429, Map.of("Retry-After", "120"), ""));
        server.createContext("/limited-until", exchange -> answer(exchange, 429,
                Map.of("Retry-After", "Fri, 31 Jan 2025 11:00:00 GMT"), ""));
        server.createContext("/missing", exchange -> answer(exchange, 404, Map.of(), "no such hook"));
        server.createContext("/moved", exchange -> answer(exchange, 302, Map.of("Location", "/ok"), ""));
        server.createContext("/hang", exchange -> {
            record(exchange);
            awaitRelease();
            answer(exchange, 200, Map.of(), "late");
        });
        server.createContext("/big", exchange -> {
            record(exchange);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            exchange.sendResponseHeaders(200, TWO_MB);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int written = 0; written < TWO_MB; written += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException expectedWhenTheClientStopsReading) {
                exchange.close();
            }
        });
        server.start();
        transport = DefaultWebhookTransport.builder().totalTimeout(Duration.ofMillis(300)).allow("127.0.0.1/32").build();
        handler = new ActionFixtures().handlers(transport).stream()
                .filter(h -> h.type().equals("webhook")).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        transport.close();
        serverThreads.shutdownNow();
        serverThreads.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void webhook_when200WithJsonObject_succeedsWithItsFieldsAndStatus() {
        ActionResult result = handler.execute(context(Map.of("url", url("/ok"), "body", Map.of("tier", "gold")),
                Optional.of(member(Map.of()))));

        assertThat(result).isEqualTo(ActionResult.success(Map.of("approved", true, "score", new BigDecimal("7"),
                "nested", Map.of("b", "x"), "status", 200, "url", url("/ok"))));
        Received request = received.peek();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"tier\":\"gold\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).startsWith("member-automation/");
    }

    @Test
    void webhook_whenNoBodyParam_postsEventAndMemberId() {
        handler.execute(context(Map.of("url", url("/ok")), Optional.of(member(Map.of()))));

        assertThat(received.peek().body()).isEqualTo("{\"event\":{\"type\":\"member_created\"},\"member_id\":\"m-1\"}");
    }

    @Test
    void webhook_whenGetWithHeaders_sendsHeadersAndNoBody() {
        handler.execute(context(Map.of("url", url("/ok"), "method", "get", "headers",
                Map.of("Authorization", "Bearer s3cret", "X-Count", new BigDecimal("2"))), Optional.empty()));

        Received request = received.peek();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(request.header("X-Count")).isEqualTo("2");
        assertThat(request.header("Content-Type")).isNull();
    }

    @Test
    void webhook_when200WithText_succeedsWithBodyAndStatus() {
        ActionResult result = handler.execute(context(Map.of("url", url("/text")), Optional.empty()));

        assertThat(result).isEqualTo(ActionResult.success(Map.of("body", "thanks", "status", 200, "url", url("/text"))));
    }

    @Test
    void webhook_when503_failsRetryablyWithStatus() {
        ActionResult result = handler.execute(context(Map.of("url", url("/unavailable")), Optional.empty()));

        assertThat(result).isEqualTo(new ActionResult.Failure("webhook answered 503", true, Optional.empty(),
                Map.of("status", 503, "body", "down", "url", url("/unavailable"))));
    }

    @Test
    void webhook_when429WithRetryAfterSeconds_failsRetryablyNotBeforeThen() {
        ActionResult result = handler.execute(context(Map.of("url", url("/limited")), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.retryNotBefore()).contains(NOW.plusSeconds(120));
            assertThat(f.output()).containsEntry("status", 429);
        });
    }

    @Test
    void webhook_when429WithRetryAfterDate_failsRetryablyNotBeforeThatDate() {
        ActionResult result = handler.execute(context(Map.of("url", url("/limited-until")), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class,
                f -> assertThat(f.retryNotBefore()).contains(java.time.Instant.parse("2025-01-31T11:00:00Z")));
    }

    @Test
    void webhook_when404_failsWithoutRetry() {
        ActionResult result = handler.execute(context(Map.of("url", url("/missing")), Optional.empty()));

        assertThat(result).isEqualTo(new ActionResult.Failure("webhook answered 404", false, Optional.empty(),
                Map.of("status", 404, "body", "no such hook", "url", url("/missing"))));
    }

    @Test
    void webhook_when302_doesNotFollowAndFailsWithoutRetry() {
        ActionResult result = handler.execute(context(Map.of("url", url("/moved")), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).isEqualTo("webhook answered 302");
        });
        assertThat(received).extracting(Received::path).containsExactly("/moved");
    }

    @Test
    void webhook_whenRetried_sendsTheSameIdempotencyKeyEachTime() {
        handler.execute(context(Map.of("url", url("/unavailable")), Optional.empty(), 1));
        handler.execute(context(Map.of("url", url("/unavailable")), Optional.empty(), 2));

        assertThat(received).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("exec-1:step-1", "exec-1:step-1");
    }

    @Test
    void webhook_whenReceiverNeverAnswers_failsRetryablyAfterTheTimeout() {
        ActionResult result = handler.execute(context(Map.of("url", url("/hang")), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.message()).contains("timed out");
        });
    }

    @Test
    void transport_whenReceiverNeverAnswers_throwsRetryableDeliveryException() {
        assertThatThrownBy(() -> transport.send(request("/hang", Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("timed out after PT0.3S");
                });
    }

    @Test
    void transport_whenAnswerIsHuge_readsOnlyUpToTheCap() {
        WebhookResponse response = transport.send(request("/big", Duration.ofSeconds(5)));

        assertThat(response.status()).isEqualTo(200);
        String body = response.body().orElseThrow();
        assertThat(body.length()).isEqualTo(DefaultWebhookTransport.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(body.chars().allMatch(c -> c == 'a')).as("only the answer's bytes").isTrue();
    }

    @Test
    void transport_whenAnswered_lowerCasesResponseHeaderNames() {
        WebhookResponse response = transport.send(request("/ok", Duration.ofSeconds(5)));

        assertThat(response.headers()).containsEntry("x-trace-id", "t-1");
        assertThat(response.header("X-Trace-Id")).contains("t-1");
    }

    @Test
    void transport_whenRequestHeaderTriesToReplaceIdempotencyKey_keepsTheRequestKey() {
        transport.send(new WebhookRequest("org-1", url("/ok"), "POST", Map.of("idempotency-key", "forged"),
                Optional.of("{}"), "key-1", Optional.empty(), Duration.ofSeconds(5)));

        assertThat(received.peek().header("Idempotency-Key")).isEqualTo("key-1");
    }

    @Test
    void transport_whenRequestNamesASigningSecret_refusesToSendUnsigned() {
        WebhookRequest signed = new WebhookRequest("org-1", url("/ok"), "POST", Map.of(), Optional.empty(), "k",
                Optional.of("crm-secret"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> transport.send(signed))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("does not sign");
                });
        assertThat(received).isEmpty();
    }

    @Test
    void transport_whenUrlInvalidOrSchemeUnsupported_throwsNonRetryable() {
        for (String bad : List.of("ftp://example.org/x", "not a url", "http:///no-host", "mailto:a@b.c")) {
            assertThatThrownBy(() -> transport.send(request(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void transport_whenHeaderIsRestricted_throwsNonRetryableWithoutTheValue() {
        WebhookRequest request = new WebhookRequest("org-1", url("/ok"), "POST", Map.of("Host", "secret-host"),
                Optional.empty(), "k", Optional.empty(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> transport.send(request))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Host").doesNotContain("secret-host");
                });
    }

    @Test
    void transport_whenConnectionRefused_throwsRetryableWithoutTheQuery() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> transport.send(request("http://127.0.0.1:" + closedPort + "/x?token=s3cret")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("/x").doesNotContain("s3cret");
                });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private WebhookRequest request(String path, Duration timeout) {
        return new WebhookRequest("org-1", url(path), "POST", Map.of(), Optional.of("{}"), "key-1",
                Optional.empty(), timeout);
    }

    private static WebhookRequest request(String absoluteUrl) {
        return new WebhookRequest("org-1", absoluteUrl, "POST", Map.of(), Optional.empty(), "key-1",
                Optional.empty(), Duration.ofSeconds(5));
    }

    private void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/hang")) {
            record(exchange);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
