package io.memberautomation.core.action.internal;

import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request and its answer over a socket this class connects itself, to an address given to it
 * (never a name it would resolve). With TLS, the handshake sends the URL's host name as SNI and verifies the
 * certificate against that name ({@code HTTPS} endpoint identification), so pinning the address costs no
 * security. {@code Connection: close}: one call, one connection, no pool to poison. {@link #abort()} closes
 * the socket from another thread, which is how the caller enforces its total deadline.
 */
public final class Http1Exchange {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** Request headers, in order; names already checked by the caller. */
    public record Header(String name, String value) {}

    private final SocketFactory sockets;
    private final SSLSocketFactory tls;
    private final int connectMillis;
    private final int readMillis;
    private final int maxResponseBytes;
    private volatile @Nullable Socket socket;
    private volatile boolean aborted;

    public Http1Exchange(SocketFactory sockets, SSLSocketFactory tls, int connectMillis, int readMillis,
                         int maxResponseBytes) {
        this.sockets = sockets;
        this.tls = tls;
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Connects to the first address that answers, in order, sends the request and reads the answer. */
    public WebhookResponse send(WebhookTarget target, List<InetAddress> addresses, String method,
                                List<Header> headers, Optional<byte[]> body) throws IOException {
        Socket connected = connect(target, addresses);
        try {
            OutputStream out = connected.getOutputStream();
            out.write(head(target, method, headers, body).getBytes(StandardCharsets.ISO_8859_1));
            if (body.isPresent()) {
                out.write(body.get());
            }
            out.flush();
            return read(new BufferedInputStream(connected.getInputStream()));
        } finally {
            connected.close();
        }
    }

    /** Closes the connection under a running {@link #send}, which then fails; safe from any thread. */
    public void abort() {
        aborted = true;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted; a failure to close leaves nothing to do
            }
        }
    }

    private Socket connect(WebhookTarget target, List<InetAddress> addresses) throws IOException {
        IOException last = new IOException("no address to connect to");
        for (InetAddress address : addresses) {
            Socket raw = sockets.createSocket();
            socket = raw;
            if (aborted) {
                raw.close();
                throw new IOException("aborted");
            }
            try {
                raw.connect(new InetSocketAddress(address, target.port()), connectMillis);
            } catch (IOException e) {
                raw.close();
                last = e;
                continue;
            }
            raw.setSoTimeout(readMillis);
            if (!target.https()) {
                return raw;
            }
            SSLSocket secured = (SSLSocket) tls.createSocket(raw, target.host(), target.port(), true);
            socket = secured;
            SSLParameters parameters = secured.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (target.literal().isEmpty()) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            secured.setSSLParameters(parameters);
            try {
                secured.startHandshake();
            } catch (IOException e) {
                secured.close();
                throw e;
            }
            return secured;
        }
        throw last;
    }

    private static String head(WebhookTarget target, String method, List<Header> headers, Optional<byte[]> body) {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(target.requestTarget()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (body.isPresent() || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.map(b -> b.length).orElse(0)).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString();
    }

    private WebhookResponse read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in);
            int status = status(statusLine);
            Map<String, String> headers = headers(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            String text = new String(body(in, status, headers), StandardCharsets.UTF_8);
            return new WebhookResponse(status, headers, text.isEmpty() ? Optional.empty() : Optional.of(text));
        }
    }

    private static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("the answer is not HTTP/1.x");
        }
        return Integer.parseInt(parts[1]);
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = line(in);
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new IOException("the answer has more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the answer has a malformed header line");
            }
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
    }

    private byte[] body(InputStream in, int status, Map<String, String> headers) throws IOException {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (encoding.contains("chunked")) {
            while (body.size() < maxResponseBytes) {
                String sizeLine = line(in);
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("the answer has a malformed chunk size", e);
                }
                if (size == 0) {
                    break;
                }
                copy(in, body, size);
                line(in);
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        long expected;
        try {
            expected = length == null ? Long.MAX_VALUE : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new IOException("the answer has a malformed Content-Length", e);
        }
        copy(in, body, expected);
        return body.toByteArray();
    }

    /** Copies up to {@code count} bytes (or to the end of the stream), never past the size cap. */
    private void copy(InputStream in, ByteArrayOutputStream body, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0 && body.size() < maxResponseBytes) {
            int want = (int) Math.min(Math.min(buffer.length, left), maxResponseBytes - body.size());
            int read = in.read(buffer, 0, want);
            if (read < 0) {
                if (count != Long.MAX_VALUE) {
                    throw new IOException("the answer ended early");
                }
                return;
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection closed before the answer was complete");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("the answer has a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }
}
