package io.memberautomation.jdbc.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP receiver of webhooks on 127.0.0.1: {@code POST /hook/<member id>} answers 200 after a short
 * pause (so that calls are in flight when a node dies) and records the {@code Idempotency-Key} of every
 * request, per member.
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final Map<String, List<String>> keysByMember = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private WebhookReceiver(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static WebhookReceiver start(Duration answerAfter) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            ExecutorService handlers = Executors.newFixedThreadPool(32);
            WebhookReceiver receiver = new WebhookReceiver(server, handlers);
            server.createContext("/hook/", exchange -> receiver.handle(exchange, answerAfter));
            server.setExecutor(handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL template of the hook, with the member id as a placeholder the engine renders. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/{{member.id}}";
    }

    int requests() {
        return requests.get();
    }

    int membersReached() {
        return keysByMember.size();
    }

    /** The idempotency keys received for each member, in arrival order. */
    Map<String, List<String>> keysByMember() {
        Map<String, List<String>> copy = new ConcurrentHashMap<>();
        keysByMember.forEach((member, keys) -> {
            synchronized (keys) {
                copy.put(member, List.copyOf(keys));
            }
        });
        return copy;
    }

    private void handle(HttpExchange exchange, Duration answerAfter) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String member = exchange.getRequestURI().getPath().substring("/hook/".length());
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            List<String> keys = keysByMember.computeIfAbsent(member, m -> new ArrayList<>());
            synchronized (keys) {
                keys.add(key);
            }
            requests.incrementAndGet();
            pause(answerAfter);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The receiver stands for a slow remote system: its answer takes a while. */
    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
