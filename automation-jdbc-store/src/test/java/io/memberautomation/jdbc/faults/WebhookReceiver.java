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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP receiver of webhooks on 127.0.0.1: {@code POST /hook/<member id>} records the
 * {@code Idempotency-Key} of every request, per member, and answers 200 after a short pause. While
 * {@link #hold() held} it answers nothing (for up to {@link #HOLD_AT_MOST}), so a test can kill a node while
 * every one of its workers is in the middle of a call.
 */
final class WebhookReceiver implements AutoCloseable {
    static final Duration HOLD_AT_MOST = Duration.ofSeconds(20);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Map<String, List<String>> keysByMember = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

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

    /** Holds the answers to requests from now on, until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** How many requests wait for their answer while held. */
    int held() {
        return held.get();
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
            awaitRelease();
            pause(answerAfter);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void awaitRelease() {
        CountDownLatch current = gate;
        if (current.getCount() == 0) {
            return;
        }
        held.incrementAndGet();
        try {
            current.await(HOLD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
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
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
