package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where {@link DefaultWebhookTransport} may connect: the hostile-URL corpus, allow-lists and DNS rebinding. */
class WebhookDestinationTest {
    private static final String PUBLIC = "93.184.215.14";

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private final List<DefaultWebhookTransport> transports = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        transports.forEach(DefaultWebhookTransport::close);
    }

    static Stream<Arguments> hostileUrls() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                WebhookDestinationTest.class.getResourceAsStream("/ssrf/hostile-urls.txt"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                cases.add(Arguments.of(parts[0], parts[1]));
            }
        }
        return cases.stream();
    }

    @Test
    void corpus_whenRead_holdsAtLeastSixtyHostileUrls() throws IOException {
        assertThat(hostileUrls().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("hostileUrls")
    void send_whenUrlIsHostile_refusesWithoutRetryNamingTheRule(String url, String keyword) {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder().resolver(WebhookDestinationTest::names));

        assertThatThrownBy(() -> transport.send(request(url)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).as("retryable").isFalse();
                    assertThat(e.getMessage()).containsIgnoringCase(keyword).doesNotContain("token=abc")
                            .doesNotContain("pass");
                });
    }

    @Test
    void send_whenAddressIsPrivate_namesTheAddressAndTheBlock() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder());

        assertThatThrownBy(() -> transport.send(request("http://10.0.0.5/hook")))
                .hasMessage("refused: 10.0.0.5 is a private address (10.0.0.0/8)");
        assertThatThrownBy(() -> transport.send(request("http://0177.0.0.1/hook")))
                .hasMessage("refused: 0177.0.0.1 means 127.0.0.1, a loopback address (127.0.0.0/8)");
    }

    @Test
    void send_whenLoopbackIsAllowListed_reachesTheLocalServer() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder().allow("127.0.0.1/32"));

        WebhookResponse response = transport.send(request(local("127.0.0.1")));

        assertThat(response.status()).isEqualTo(204);
        assertThat(received).containsExactly("127.0.0.1:" + port());
    }

    @Test
    void send_whenLoopbackIsNotAllowListed_refusesAndTheServerReceivesNothing() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder().allow("10.0.0.0/8"));

        assertThatThrownBy(() -> transport.send(request(local("127.0.0.1"))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("loopback");
                });
        assertThat(received).isEmpty();
    }

    @Test
    void send_whenHostNameIsAllowListed_connectsToItsAddressWithTheNameAsHost() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder()
                .allowHost("Hooks.Internal.Test.")
                .resolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}))));

        WebhookResponse response = transport.send(request(local("hooks.internal.test")));

        assertThat(response.status()).isEqualTo(204);
        assertThat(received).containsExactly("hooks.internal.test:" + port());
    }

    @Test
    void send_whenAllowListedAddressIsSpelledNonCanonically_refusesAnyway() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder().allow("127.0.0.1/32"));

        assertThatThrownBy(() -> transport.send(request(local("127.1"))))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.getMessage()).contains("non-canonical spelling of 127.0.0.1"));
        assertThat(received).isEmpty();
    }

    @Test
    void send_whenNameRebindsFromPublicToLoopback_connectsToTheCheckedPublicAddress() throws UnknownHostException {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(lookups.incrementAndGet() == 1
                ? InetAddress.getByName(PUBLIC) : InetAddress.getLoopbackAddress());
        RecordingSockets sockets = RecordingSockets.refusing();
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder()
                .resolver(rebinding).socketFactory(sockets));

        assertThatThrownBy(() -> transport.send(request("http://rebind.test:" + port() + "/hook")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).as("a connection failure is worth retrying").isTrue();
                    assertThat(e.getMessage()).contains("refused in test");
                });
        assertThat(lookups).as("resolved once: the check and the connection share the answer").hasValue(1);
        assertThat(sockets.connected).containsExactly(new InetSocketAddress(InetAddress.getByName(PUBLIC), port()));
        assertThat(received).isEmpty();
    }

    @Test
    void send_whenResolverWouldAnswerDifferentlyLater_connectsToTheOneCheckedAnswer() throws UnknownHostException {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver changing = host -> List.of(lookups.incrementAndGet() == 1
                ? InetAddress.getByAddress(new byte[] {127, 0, 0, 1}) : InetAddress.getByName(PUBLIC));
        RecordingSockets sockets = RecordingSockets.passingThrough();
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder()
                .allowHost("pinned.test").resolver(changing).socketFactory(sockets));

        WebhookResponse response = transport.send(request(local("pinned.test")));

        assertThat(response.status()).isEqualTo(204);
        assertThat(lookups).as("HttpClient asked no DNS of its own").hasValue(1);
        assertThat(sockets.connected).containsExactly(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port()));
        assertThat(received).containsExactly("pinned.test:" + port());
    }

    @Test
    void send_whenCalledTwice_opensANewConnectionToEachCallsOwnCheckedAddress() throws UnknownHostException {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver changing = host -> List.of(InetAddress.getByAddress(
                new byte[] {127, 0, 0, (byte) lookups.incrementAndGet()}));
        RecordingSockets sockets = RecordingSockets.passingThrough();
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder()
                .allowHost("pinned.test").resolver(changing).socketFactory(sockets));

        WebhookResponse first = transport.send(request(local("pinned.test")));

        assertThat(first.status()).isEqualTo(204);
        assertThatThrownBy(() -> transport.send(request(local("pinned.test"))))
                .as("the server listens on 127.0.0.1 only; no connection of the first call is reused")
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(lookups).hasValue(2);
        assertThat(sockets.connected).containsExactly(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port()),
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), port()));
        assertThat(received).containsExactly("pinned.test:" + port());
    }

    @Test
    void send_whenNameRebindsFromLoopbackToPublic_refusesOnTheFirstAnswer() {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(lookups.incrementAndGet() == 1
                ? InetAddress.getLoopbackAddress() : InetAddress.getByName(PUBLIC));
        RecordingSockets sockets = RecordingSockets.refusing();
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder()
                .resolver(rebinding).socketFactory(sockets));

        assertThatThrownBy(() -> transport.send(request("http://rebind.test:" + port() + "/hook")))
                .hasMessageContaining("rebind.test resolves to 127.0.0.1, a loopback address");
        assertThat(lookups).hasValue(1);
        assertThat(sockets.connected).isEmpty();
    }

    @Test
    void send_whenNameCannotBeResolved_failsRetryably() {
        DefaultWebhookTransport transport = transport(DefaultWebhookTransport.builder().resolver(host -> {
            throw new UnknownHostException(host);
        }));

        assertThatThrownBy(() -> transport.send(request("https://gone.test/hook?token=abc")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("webhook host gone.test could not be resolved");
                });
    }

    @Test
    void allow_whenGivenAName_throws() {
        assertThatThrownBy(() -> DefaultWebhookTransport.builder().allow("intranet.example/24"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DefaultWebhookTransport.builder().allow("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private DefaultWebhookTransport transport(DefaultWebhookTransport.Builder builder) {
        DefaultWebhookTransport transport = builder.totalTimeout(Duration.ofSeconds(5)).build();
        transports.add(transport);
        return transport;
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private String local(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    private static WebhookRequest request(String url) {
        return new WebhookRequest("org-1", url, "POST", Map.of(), Optional.of("{}"), "key-1", Optional.empty(),
                Duration.ofSeconds(5));
    }

    /** The test's DNS: names under {@code .test} with fixed answers. */
    private static List<InetAddress> names(String host) throws UnknownHostException {
        return switch (host) {
            case "private.test" -> List.of(InetAddress.getByName("10.0.0.5"));
            case "mixed.test" -> List.of(InetAddress.getByName(PUBLIC), InetAddress.getByName("192.168.1.1"));
            case "metadata-alias.test" -> List.of(InetAddress.getByName("169.254.169.254"));
            case "v6private.test" -> List.of(InetAddress.getByName("fd12::1"));
            case "linklocal6.test" -> List.of(InetAddress.getByName("fe80::1"));
            case "cgnat.test" -> List.of(InetAddress.getByName("100.64.0.1"));
            case "loop6.test" -> List.of(InetAddress.getByName("::1"));
            case "mapped.test" -> List.of(InetAddress.getByAddress(
                    new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}));
            default -> throw new UnknownHostException(host);
        };
    }

    /**
     * Unconnected sockets that record where they are asked to connect, then connect there or, refusing, never
     * reach the network. The transport connects unconnected sockets itself, so the connecting factory methods
     * are refused.
     */
    private static final class RecordingSockets extends SocketFactory {
        final List<SocketAddress> connected = new CopyOnWriteArrayList<>();
        private final boolean reachNetwork;

        private RecordingSockets(boolean reachNetwork) {
            this.reachNetwork = reachNetwork;
        }

        static RecordingSockets passingThrough() {
            return new RecordingSockets(true);
        }

        static RecordingSockets refusing() {
            return new RecordingSockets(false);
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    connected.add(endpoint);
                    if (!reachNetwork) {
                        throw new ConnectException("refused in test");
                    }
                    super.connect(endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("the transport connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("the transport connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("the transport connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("the transport connects unconnected sockets itself");
        }
    }
}
