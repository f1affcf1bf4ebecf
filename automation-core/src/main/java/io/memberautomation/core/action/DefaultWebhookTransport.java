package io.memberautomation.core.action;

import io.memberautomation.core.action.internal.CappedBody;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.delivery.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook transport the engine uses unless the host brings its own: the JDK's {@link HttpClient}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a call takes at most {@code min(totalTimeout, request.timeout())} in all, connecting, sending and
 *       reading the answer included; connecting alone at most {@code connectTimeout};</li>
 *   <li>at most {@code maxResponseBytes} of an answer are read; the text is cut there;</li>
 *   <li>redirects are never followed: a 3xx is the answer;</li>
 *   <li>every call carries {@code Idempotency-Key} (the request's key, which a request header cannot
 *       replace), {@code User-Agent: member-automation/<version>} and, with a body,
 *       {@code Content-Type: application/json} (both replaceable by request headers);</li>
 *   <li>a timeout or a connection problem throws a retryable {@link DeliveryException}; an invalid URL, a
 *       scheme other than http and https, an unknown method or a header the HTTP client refuses to set
 *       throws a non-retryable one;</li>
 *   <li>it does not sign requests: a request that names a {@code secretRef} is refused (non-retryable)
 *       rather than sent unsigned; a host that signs webhooks supplies its own transport;</li>
 *   <li>header values never reach a log or an exception message, and neither does a URL's query or user
 *       info (they may hold secrets);</li>
 *   <li>response header names are lower-case, with the first value of each.</li>
 * </ul>
 * Close it to stop the threads it owns (none when you gave it an executor). Thread-safe.
 */
public final class DefaultWebhookTransport implements WebhookTransport, AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultWebhookTransport.class);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpClient client;
    private final Duration totalTimeout;
    private final int maxResponseBytes;
    private final String userAgent;
    private final @Nullable ExecutorService ownedExecutor;

    private DefaultWebhookTransport(Builder builder) {
        Executor executor = builder.executor;
        this.ownedExecutor = executor == null ? Executors.newCachedThreadPool(new NamedDaemonThreads()) : null;
        this.client = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor != null ? executor : ownedExecutor)
                .build();
        this.totalTimeout = builder.totalTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        String version = DefaultWebhookTransport.class.getPackage().getImplementationVersion();
        this.userAgent = "member-automation/" + (version == null ? "dev" : version);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A transport with every default. */
    public static DefaultWebhookTransport create() {
        return builder().build();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        URI uri = checkedUri(request.url());
        String target = redacted(uri);
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw refused("webhook method " + method + " is not one of " + METHODS);
        }
        if (request.secretRef().isPresent()) {
            throw refused("webhook to " + target + " asks to be signed with secret \"" + request.secretRef().get()
                    + "\", but the default transport does not sign: give the engine a signing WebhookTransport");
        }
        Duration timeout = request.timeout().isNegative() || request.timeout().isZero()
                || request.timeout().compareTo(totalTimeout) > 0 ? totalTimeout : request.timeout();
        HttpRequest httpRequest = httpRequest(request, uri, method, timeout, target);
        CompletableFuture<HttpResponse<String>> call =
                client.sendAsync(httpRequest, CappedBody.handler(maxResponseBytes));
        try {
            HttpResponse<String> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("webhook {} {} answered {}", method, target, response.statusCode());
            return new WebhookResponse(response.statusCode(), firstValues(response),
                    Optional.of(response.body()).filter(body -> !body.isEmpty()));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new DeliveryException("webhook " + method + " " + target + " timed out after " + timeout,
                    true, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("webhook " + method + " " + target + " interrupted", true, e);
        } catch (ExecutionException | CancellationException e) {
            throw failure(method, target, timeout, e.getCause() == null ? e : e.getCause());
        }
    }

    /** Stops the threads this transport created; a host's executor is left alone. */
    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private HttpRequest httpRequest(WebhookRequest request, URI uri, String method, Duration timeout, String target) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw refused("webhook url " + target + " is not usable: " + e.getMessage());
        }
        builder
                .timeout(timeout)
                .method(method, request.body()
                        .map(body -> HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        if ("http".equals(uri.getScheme())) {
            // Plain-text HTTP/2 needs an upgrade dance some receivers get wrong; TLS negotiates h2 cleanly.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        builder.setHeader("User-Agent", userAgent);
        if (request.body().isPresent()) {
            builder.setHeader("Content-Type", "application/json");
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            try {
                builder.setHeader(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                throw refused("webhook to " + target + ": header \"" + header.getKey() + "\" cannot be set");
            }
        }
        builder.setHeader("Idempotency-Key", request.idempotencyKey());
        return builder.build();
    }

    private static URI checkedUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("webhook url is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("webhook url must use http or https, not \"" + scheme + "\"");
        }
        if (uri.getHost() == null) {
            throw refused("webhook url has no host: " + redacted(uri));
        }
        return uri;
    }

    private static DeliveryException refused(String message) {
        return new DeliveryException(message, false, Optional.empty());
    }

    /** Scheme, host, port and path: never the query or user info, which may carry tokens. */
    private static String redacted(URI uri) {
        return uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost())
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static DeliveryException failure(String method, String target, Duration timeout, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new DeliveryException("webhook " + method + " " + target + " timed out after " + timeout,
                    true, cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new DeliveryException("webhook " + method + " " + target + " refused: " + cause.getMessage(),
                    false, cause);
        }
        String reason = cause instanceof IOException && cause.getMessage() != null
                ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
        return new DeliveryException("webhook " + method + " " + target + " failed: " + reason, true, cause);
    }

    private static Map<String, String> firstValues(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    /** {@code automation-webhook-1}, {@code -2}, ...: daemon threads, so they never keep a JVM alive. */
    private static final class NamedDaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "automation-webhook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Options of {@link DefaultWebhookTransport}; every one has a default. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private @Nullable Executor executor;

        private Builder() {}

        /** How long connecting may take (default 5 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long a whole call may take (default 10 s); a request's own shorter timeout wins. */
        public Builder totalTimeout(Duration value) {
            this.totalTimeout = positive(value, "totalTimeout");
            return this;
        }

        /** How much of an answer is read (default 256 KiB); the rest is dropped. */
        public Builder maxResponseBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1: " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /** Runs the HTTP client's work (default: daemon threads the transport owns and stops on close). */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        public DefaultWebhookTransport build() {
            return new DefaultWebhookTransport(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
