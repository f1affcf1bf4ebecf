package io.memberautomation.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.memberautomation.spi.AutomationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The organisation's other systems, as the demo's webhooks reach them: an HTTP server on 127.0.0.1 (a free
 * port) with two endpoints.
 * <ul>
 *   <li>{@code POST /billing/...}: the billing system, told about a failed payment. It is busy the first
 *       time it hears of a delivery (503) and accepts it on the next attempt (200, with the date of the
 *       card's next charge), telling deliveries apart by their {@code Idempotency-Key} header, as a real
 *       billing API would; a request without one is refused (400).</li>
 *   <li>{@code GET /stats/weekly}: the membership database's figures for the board's digest.</li>
 * </ul>
 * It counts the billing requests per key, so the demo can show that a retry carried its first attempt's key.
 */
final class LocalReceiver implements AutoCloseable {
    static final String BILLING_PATH = "/billing/";
    static final String STATS_PATH = "/stats/weekly";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Integer> billingRequests = new ConcurrentHashMap<>();
    private final Supplier<Map<String, Object>> billingAnswer;
    private final Supplier<Map<String, Object>> weeklyStats;

    private LocalReceiver(HttpServer server, Supplier<Map<String, Object>> billingAnswer,
                          Supplier<Map<String, Object>> weeklyStats) {
        this.server = server;
        this.billingAnswer = billingAnswer;
        this.weeklyStats = weeklyStats;
    }

    /**
     * Starts the receiver on a free port of 127.0.0.1.
     *
     * @param billingAnswer the body of an accepted billing request
     * @param weeklyStats   the figures the stats endpoint answers with
     */
    static LocalReceiver start(Supplier<Map<String, Object>> billingAnswer, Supplier<Map<String, Object>> weeklyStats) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new AutomationException("could not start the demo's local receiver: " + e.getMessage(), e);
        }
        LocalReceiver receiver = new LocalReceiver(server, billingAnswer, weeklyStats);
        server.createContext(BILLING_PATH, receiver::billing);
        server.createContext(STATS_PATH, receiver::stats);
        server.start();
        return receiver;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many billing requests carried each idempotency key, by key. */
    Map<String, Integer> billingRequestsByKey() {
        return Map.copyOf(billingRequests);
    }

    private void billing(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, Map.of("error", "use POST"));
            } else if (key == null || key.isBlank()) {
                answer(exchange, 400, Map.of("error", "an Idempotency-Key header is required"));
            } else if (billingRequests.merge(key, 1, Integer::sum) == 1) {
                answer(exchange, 503, Map.of("error", "billing is busy, try again shortly"));
            } else {
                answer(exchange, 200, billingAnswer.get());
            }
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, weeklyStats.get());
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
