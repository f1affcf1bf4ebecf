package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with the address pinned: the connection goes to the checked address, yet the handshake sends the
 * URL's name as SNI and the certificate is verified against that name. The certificate is made for the test
 * with the JDK's keytool ({@code hook.test}, no IP address).
 */
class WebhookTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();
    private static HttpsServer server;
    private static SSLContext clientContext;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hook.test",
                "-ext", "SAN=dns:hook.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            String sni = session.getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse("(none)");
            RECEIVED.add(exchange.getRequestHeaders().getFirst("Host") + " sni=" + sni);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void send_whenHttpsNameIsPinnedToItsCheckedAddress_sendsSniAndVerifiesTheNamesCertificate() {
        RECEIVED.clear();
        try (DefaultWebhookTransport transport = transport("hook.test")) {
            WebhookResponse response = transport.send(request("https://hook.test:" + port() + "/hook"));

            assertThat(response.status()).isEqualTo(204);
        }
        assertThat(RECEIVED).containsExactly("hook.test:" + port() + " sni=hook.test");
    }

    @Test
    void send_whenCertificateIsForAnotherName_failsTheHandshakeAndSendsNothing() {
        RECEIVED.clear();
        try (DefaultWebhookTransport transport = transport("other.test")) {
            assertThatThrownBy(() -> transport.send(request("https://other.test:" + port() + "/hook")))
                    .isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.getMessage()).contains("SSLHandshakeException"));
        }
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void send_whenHttpsUrlIsAnAddressTheCertificateDoesNotName_failsTheHandshake() {
        RECEIVED.clear();
        try (DefaultWebhookTransport transport = DefaultWebhookTransport.builder().allow("127.0.0.1/32")
                .sslContext(clientContext).build()) {
            assertThatThrownBy(() -> transport.send(request("https://127.0.0.1:" + port() + "/hook")))
                    .isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.getMessage()).contains("SSLHandshakeException"));
        }
        assertThat(RECEIVED).isEmpty();
    }

    private static DefaultWebhookTransport transport(String name) {
        return DefaultWebhookTransport.builder()
                .allowHost(name)
                .resolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})))
                .sslContext(clientContext)
                .totalTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static WebhookRequest request(String url) {
        return new WebhookRequest("org-1", url, "POST", Map.of(), Optional.of("{}"), "key-1", Optional.empty(),
                Duration.ofSeconds(5));
    }
}
