package io.memberautomation.core.action.internal;

import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP/1.1 for webhook calls through Apache HttpClient 5, connected only to addresses the caller checked.
 * Not the JDK's {@code java.net.http.HttpClient}: it resolves the URL's host itself and cannot be told to
 * connect to a given address while keeping the name for the {@code Host} header, SNI and the certificate
 * check; HttpClient 5 takes a {@link PinnedDnsResolver} that answers with the checked addresses only.
 *
 * <p>Each call gets its own client and connection manager, closed after it. No pool outlives a call, so a
 * connection opened for one call's checked address never carries another call: pinning holds without any
 * argument about how a pool keys its connections. The price, one new TCP (and TLS) connection per call, is
 * what webhooks paid before. Also off: redirects, retries (the engine retries), cookies, auth caching,
 * connection state, content decompression, protocol upgrades and proxies (the default route planner reads no
 * proxy settings). TLS verifies the certificate against the URL's host name with the JDK's {@code HTTPS}
 * endpoint identification, and the handshake sends that name as SNI.
 */
public final class PinnedHttpClient {

    /** A request header, in order; name and value already checked by the caller. */
    public record Header(String name, String value) {}

    private final SocketFactory sockets;
    private final TlsSocketStrategy tls;
    private final Duration connectTimeout;
    private final int maxResponseBytes;

    public PinnedHttpClient(SocketFactory sockets, SSLContext sslContext, Duration connectTimeout,
                            int maxResponseBytes) {
        this.sockets = sockets;
        this.tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext)
                .setHostVerificationPolicy(HostnameVerificationPolicy.BUILTIN).buildClassic();
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Whether a call failed because its deadline passed: reading and the TLS handshake time out at the call's
     * own deadline, and may do so a moment before the caller's clock says so. Not a connect timeout, which is
     * shorter.
     */
    public static boolean reachedDeadline(Throwable failure) {
        return failure instanceof SocketTimeoutException && !(failure instanceof ConnectTimeoutException);
    }

    /** One call, not yet sent: {@link Exchange#abort()} works from the moment it exists. */
    public Exchange prepare(WebhookTarget target, String method, List<Header> headers, Optional<byte[]> body,
                            Duration timeout) {
        return new Exchange(target, method, headers, body, timeout);
    }

    /** One request and its answer over one connection. */
    public final class Exchange {
        private final WebhookTarget target;
        private final HttpUriRequestBase request;
        private final Timeout timeout;

        private Exchange(WebhookTarget target, String method, List<Header> headers, Optional<byte[]> body,
                         Duration timeout) {
            this.target = target;
            this.timeout = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
            // the request line is our own parse of the URL, never HttpClient's second reading of it
            this.request = new HttpUriRequestBase(method, URI.create("/"));
            request.setScheme(target.scheme());
            int defaultPort = target.https() ? 443 : 80;
            request.setAuthority(new URIAuthority(target.host(), target.port() == defaultPort ? -1 : target.port()));
            request.setPath(target.requestTarget());
            headers.forEach(header -> request.addHeader(header.name(), header.value()));
            request.setHeader("Connection", "close");
            if (body.isPresent() || !method.equals("GET")) {
                // no content type here: the caller's Content-Type header is the one sent
                request.setEntity(new ByteArrayEntity(body.orElse(new byte[0]), null));
            }
        }

        /**
         * Connects to the first of the checked addresses that answers, in order, sends the request and reads
         * at most {@code maxResponseBytes} of the answer.
         */
        public WebhookResponse send(List<InetAddress> checked) throws IOException {
            BasicHttpClientConnectionManager connections = connections(new PinnedDnsResolver(target.host(), checked));
            CloseableHttpClient client = HttpClients.custom()
                    .setConnectionManager(connections)
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                            .setConnectionRequestTimeout(timeout).setRedirectsEnabled(false)
                            .setExpectContinueEnabled(false).setProtocolUpgradeEnabled(false).build())
                    .setConnectionReuseStrategy((sent, answer, context) -> false)
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableConnectionState()
                    .disableContentCompression()
                    .disableDefaultUserAgent()
                    .build();
            try {
                return read(client.executeOpen(new HttpHost(target.scheme(), target.host(), target.port()),
                        request, HttpClientContext.create()));
            } finally {
                // cancelling discards the connection; closing the response instead would drain the rest of a
                // cut answer, which may never end
                request.cancel();
                client.close(CloseMode.IMMEDIATE);
            }
        }

        /** Closes the connection under a running {@link #send}, which then fails; safe from any thread. */
        public void abort() {
            request.cancel();
        }

        private BasicHttpClientConnectionManager connections(PinnedDnsResolver dns) {
            // the socket factory sees every connection: no SOCKS proxy is ever configured, so none is passed on
            DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                    proxy -> sockets.createSocket(), null, dns,
                    RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build());
            BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager(operator, null);
            Timeout connect = Timeout.ofMilliseconds(Math.max(1, Math.min(connectTimeout.toMillis(),
                    timeout.toMilliseconds())));
            connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                    .setSocketTimeout(timeout).build());
            connections.setTlsConfig(TlsConfig.custom().setHandshakeTimeout(timeout).build());
            return connections;
        }

        private WebhookResponse read(ClassicHttpResponse response) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            for (org.apache.hc.core5.http.Header header : response.getHeaders()) {
                headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT),
                        Objects.requireNonNullElse(header.getValue(), ""));
            }
            HttpEntity entity = response.getEntity();
            byte[] bytes = new byte[0];
            if (entity != null) {
                InputStream content = entity.getContent();
                bytes = content.readNBytes(maxResponseBytes);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new WebhookResponse(response.getCode(), headers,
                    text.isEmpty() ? Optional.empty() : Optional.of(text));
        }
    }
}
