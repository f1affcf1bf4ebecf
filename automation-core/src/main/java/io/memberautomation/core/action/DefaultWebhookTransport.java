package io.memberautomation.core.action;

import io.memberautomation.core.action.internal.Cidr;
import io.memberautomation.core.action.internal.DestinationGuard;
import io.memberautomation.core.action.internal.PinnedHttpClient;
import io.memberautomation.core.action.internal.WebhookTarget;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.delivery.WebhookTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook transport the engine uses unless the host brings its own: HTTP/1.1 through Apache HttpClient 5,
 * connected only to addresses this transport checked, so that a webhook definition cannot be turned against
 * the host's own network (SSRF).
 *
 * <p>Where a call may go:
 * <ul>
 *   <li>only to public unicast addresses: loopback, private, link-local, unique-local, CGNAT, multicast,
 *       broadcast, unspecified, benchmark, documentation and reserved ranges, cloud metadata addresses
 *       ({@code 169.254.169.254}, {@code fd00:ec2::254}, ...) and names ({@code metadata.google.internal},
 *       {@code localhost}, ...), and IPv6 forms that carry such an IPv4 address (IPv4-mapped, -compatible,
 *       NAT64, 6to4, Teredo) are refused, each with a message naming the rule
 *       ({@code "refused: 10.0.0.5 is a private address (10.0.0.0/8)"});</li>
 *   <li>a numeric host is read as browsers and curl read it ({@code 0177.0.0.1}, {@code 0x7f.0.0.1},
 *       {@code 2130706433} and {@code 127.1} are 127.0.0.1) and judged by that address; a numeric host not
 *       written as a plain dotted quad is refused even when its address is public, since resolvers disagree
 *       on what it means;</li>
 *   <li>a name is resolved once, through the {@link HostResolver}; if <em>any</em> address it returns is
 *       refused, the call is refused;</li>
 *   <li>the host may allow blocks ({@link Builder#allow(String)}) or names ({@link Builder#allowHost(String)})
 *       explicitly; each allowance is logged when the transport is built.</li>
 * </ul>
 *
 * <p>No DNS rebinding: the socket is connected to one of the very addresses that were checked (HttpClient's
 * only resolver answers the call's host with the checked addresses; nothing resolves the name a second
 * time), so a name that answers a public address to the check and a private one a moment later still
 * reaches the checked public address. The {@code Host} header carries the URL's host; over https the TLS
 * handshake sends that name as SNI and verifies the certificate against it (JDK {@code HTTPS} endpoint
 * identification), so pinning the address does not weaken TLS. Outside this transport's control: what the
 * receiver does with the request, and a host resolver that lies.
 *
 * <p>Why Apache HttpClient 5 rather than the JDK's {@code java.net.http.HttpClient}: the JDK 17 client
 * resolves the URL's host itself and cannot be told to connect to an address already checked while keeping
 * the name for {@code Host}, SNI and the certificate check; HttpClient 5 takes the resolver it connects with.
 *
 * <p>Limits: a call takes at most {@code min(totalTimeout, request.timeout())} in all (resolving,
 * connecting, sending and reading), connecting to one address at most {@code connectTimeout}; at most
 * {@code maxResponseBytes} of an answer are read, the text cut there; redirects are never followed (a 3xx is
 * the answer); one connection per call, closed after it (each call has its own HttpClient and connection
 * manager, so no pooled connection can carry a call to an address another call checked); no automatic
 * retries (the engine retries), no cookies, no auth caching, no proxy.
 *
 * <p>Requests carry {@code Idempotency-Key} (the request's key, which a request header cannot replace),
 * {@code User-Agent: member-automation/<version>} and, with a body, {@code Content-Type: application/json}
 * (both replaceable by request headers). Headers that frame the message ({@code Host}, {@code Content-Length},
 * {@code Connection}, {@code Transfer-Encoding}, ...) or hold line breaks are refused. A request that names
 * a {@code secretRef} must already be signed ({@code webhook-signature}, which the engine adds); this
 * transport does not sign.
 *
 * <p>Failures: a refused destination or an unusable request throws a non-retryable
 * {@link DeliveryException}; a timeout, an unresolvable name or connection trouble a retryable one. Header
 * values never reach a log or an exception message, and neither does a URL's query or user info; HttpClient's
 * own DEBUG loggers ({@code org.apache.hc.client5.http.headers}, {@code .wire} and the classes under
 * {@code org.apache.hc.client5.http.impl}) do print request lines and headers, so keep them above DEBUG
 * wherever requests carry secrets. Response header names are lower-case, with the first value of each.
 *
 * <p>Close it to stop the threads it owns (none when you gave it an executor). Thread-safe.
 */
public final class DefaultWebhookTransport implements WebhookTransport, AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultWebhookTransport.class);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FRAMING_HEADERS = Set.of("host", "content-length", "connection",
            "transfer-encoding", "expect", "upgrade", "te", "trailer", "keep-alive", "proxy-connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final DestinationGuard guard;
    private final Duration totalTimeout;
    private final String userAgent;
    private final PinnedHttpClient http;
    private final Executor executor;
    private final @Nullable ExecutorService ownedExecutor;

    private DefaultWebhookTransport(Builder builder) {
        this.guard = new DestinationGuard(builder.allowed, builder.allowedHosts, builder.resolver);
        this.totalTimeout = builder.totalTimeout;
        this.http = new PinnedHttpClient(builder.sockets, builder.sslContext == null ? defaultTls()
                : builder.sslContext, builder.connectTimeout, builder.maxResponseBytes);
        Executor given = builder.executor;
        this.ownedExecutor = given == null ? Executors.newCachedThreadPool(new NamedDaemonThreads()) : null;
        this.executor = given != null ? given : Objects.requireNonNull(ownedExecutor);
        String version = DefaultWebhookTransport.class.getPackage().getImplementationVersion();
        this.userAgent = "member-automation/" + (version == null ? "dev" : version);
        if (!builder.allowed.isEmpty() || !builder.allowedHosts.isEmpty()) {
            LOG.info("webhook transport allow-lists destinations the address rules would refuse: blocks {}, hosts {}",
                    builder.allowed, builder.allowedHosts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A transport with every default: no allowances. */
    public static DefaultWebhookTransport create() {
        return builder().build();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        WebhookTarget target = WebhookTarget.parse(request.url());
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw refused("webhook method " + method + " is not one of " + METHODS);
        }
        if (request.secretRef().isPresent() && request.headers().keySet().stream()
                .noneMatch(name -> name.equalsIgnoreCase("webhook-signature"))) {
            throw refused("webhook to " + target.shown() + " asks to be signed with secret \""
                    + request.secretRef().get() + "\" but is not, and this transport does not sign");
        }
        List<PinnedHttpClient.Header> headers = headers(request, target);
        Optional<byte[]> body = request.body().map(text -> text.getBytes(StandardCharsets.UTF_8));
        Duration timeout = request.timeout().isNegative() || request.timeout().isZero()
                || request.timeout().compareTo(totalTimeout) > 0 ? totalTimeout : request.timeout();
        PinnedHttpClient.Exchange exchange = http.prepare(target, method, headers, body, timeout);
        CompletableFuture<WebhookResponse> call = CompletableFuture.supplyAsync(() -> {
            List<InetAddress> addresses = guard.check(target);
            try {
                return exchange.send(addresses);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
        try {
            WebhookResponse response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("webhook {} {} answered {}", method, target.shown(), response.status());
            return response;
        } catch (TimeoutException e) {
            exchange.abort();
            call.cancel(true);
            throw new DeliveryException("webhook " + method + " " + target.shown() + " timed out after " + timeout,
                    true, e);
        } catch (InterruptedException e) {
            exchange.abort();
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("webhook " + method + " " + target.shown() + " interrupted", true, e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (PinnedHttpClient.reachedDeadline(cause)) {
                throw new DeliveryException("webhook " + method + " " + target.shown() + " timed out after "
                        + timeout, true, cause);
            }
            throw failure(method, target.shown(), cause);
        }
    }

    /** Stops the threads this transport created; a host's executor is left alone. */
    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private List<PinnedHttpClient.Header> headers(WebhookRequest request, WebhookTarget target) {
        Map<String, PinnedHttpClient.Header> byName = new LinkedHashMap<>();
        byName.put("user-agent", new PinnedHttpClient.Header("User-Agent", userAgent));
        if (request.body().isPresent()) {
            byName.put("content-type", new PinnedHttpClient.Header("Content-Type", "application/json"));
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TOKEN.matcher(name).matches() || FRAMING_HEADERS.contains(lower) || !validValue(header.getValue())) {
                throw refused("webhook to " + target.shown() + ": header \"" + (TOKEN.matcher(name).matches()
                        ? name : "(invalid name)") + "\" cannot be set");
            }
            byName.remove(lower);
            byName.put(lower, new PinnedHttpClient.Header(name, header.getValue()));
        }
        byName.remove("idempotency-key");
        byName.put("idempotency-key", new PinnedHttpClient.Header("Idempotency-Key", request.idempotencyKey()));
        return List.copyOf(byName.values());
    }

    /** Visible text, spaces and tabs; never a line break, which would let a value inject headers. */
    private static boolean validValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    private static DeliveryException refused(String message) {
        return new DeliveryException(message, false, Optional.empty());
    }

    private static DeliveryException failure(String method, String target, Throwable cause) {
        if (cause instanceof DeliveryException delivery) {
            return delivery;
        }
        if (cause instanceof IllegalArgumentException) {
            return new DeliveryException("webhook " + method + " " + target + " refused: " + cause.getMessage(),
                    false, cause);
        }
        String reason = cause.getMessage() != null
                ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
        return new DeliveryException("webhook " + method + " " + target + " failed: " + reason, true, cause);
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
        private final List<Cidr> allowed = new ArrayList<>();
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private HostResolver resolver = HostResolver.system();
        private @Nullable SSLContext sslContext;
        private SocketFactory sockets = SocketFactory.getDefault();

        private Builder() {}

        /** How long connecting to one address may take (default 5 s). */
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

        /** Runs the calls (default: daemon threads the transport owns and stops on close). */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Lets calls reach a block of addresses the rules refuse ({@code "10.20.0.0/16"}, {@code "127.0.0.1/32"},
         * {@code "fd12:3456::/32"}; a bare address is a block of one). Only IP literals: a name is refused here.
         *
         * @throws IllegalArgumentException when it is not a CIDR block of IP literals
         */
        public Builder allow(String cidr) {
            allowed.add(Cidr.parse(Objects.requireNonNull(cidr, "cidr")));
            return this;
        }

        /**
         * Lets calls reach this host name whatever it resolves to (an internal service the host trusts). The
         * name matches exactly, case-insensitively; it is still resolved once and connected to by address.
         */
        public Builder allowHost(String name) {
            String host = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (host.isEmpty()) {
                throw new IllegalArgumentException("allowHost needs a name");
            }
            allowedHosts.add(host);
            return this;
        }

        /** Resolves host names (default {@link HostResolver#system()}). */
        public Builder resolver(HostResolver value) {
            this.resolver = Objects.requireNonNull(value, "resolver");
            return this;
        }

        /** TLS for https calls (default: the JVM's default context and trust store). */
        public Builder sslContext(SSLContext value) {
            this.sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /** Creates the unconnected sockets HttpClient connects to checked addresses; tests observe them here. */
        Builder socketFactory(SocketFactory value) {
            this.sockets = Objects.requireNonNull(value, "socketFactory");
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
