package io.memberautomation.core.action.internal;

import io.memberautomation.spi.delivery.DeliveryException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A webhook URL taken apart by our own rules rather than a resolver's: the host is either an IP literal,
 * read here with the meaning other HTTP clients give it ({@code 0177.0.0.1} and {@code 127.1} are
 * 127.0.0.1), or a DNS name. Nothing here touches the network.
 *
 * @param scheme        {@code http} or {@code https}
 * @param host          the host, lower case, without brackets or a trailing dot
 * @param port          the port, the scheme's default when the URL names none
 * @param literal       the address, when the host is an IP literal
 * @param canonical     false for an IPv4 literal spelled other than as a dotted quad of decimals
 * @param requestTarget the raw path and query sent on the request line ({@code /} when empty)
 * @param shown         scheme, host, port and path: what logs and messages may show (no query, no user info)
 */
public record WebhookTarget(String scheme, String host, int port, Optional<byte[]> literal, boolean canonical,
                            String requestTarget, String shown) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern V6 = Pattern.compile("[0-9a-f:.]+");

    public static WebhookTarget parse(String url) {
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
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw refused("webhook url has no host");
        }
        if (authority.contains("@")) {
            throw refused("refused: the webhook url carries user info; send credentials in a header instead");
        }
        String host;
        String portText = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw refused("webhook url has an unclosed IPv6 literal");
            }
            host = authority.substring(1, close).toLowerCase(Locale.ROOT);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw refused("webhook url has text after its IPv6 literal");
            }
            portText = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
            portText = colon < 0 ? "" : authority.substring(colon + 1);
        }
        int port = port(portText, scheme);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTarget = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean bracketed = authority.startsWith("[");
        String shownHost = bracketed ? "[" + host + "]" : host;
        String shown = scheme + "://" + shownHost + (portText.isEmpty() ? "" : ":" + port) + path;
        if (bracketed) {
            return new WebhookTarget(scheme, host, port, Optional.of(v6(host)), true, requestTarget, shown);
        }
        return hostOrName(scheme, host, port, requestTarget, shown);
    }

    /** The {@code Host} header: the host as the URL wrote it, with the port unless it is the default. */
    public String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return port == defaultPort ? name : name + ":" + port;
    }

    public boolean https() {
        return scheme.equals("https");
    }

    private static WebhookTarget hostOrName(String scheme, String given, int port, String requestTarget,
                                            String shown) {
        if (given.isEmpty()) {
            throw refused("webhook url has no host");
        }
        for (int i = 0; i < given.length(); i++) {
            if (given.charAt(i) > 127) {
                throw refused("webhook host must be written in ASCII (use its punycode form)");
            }
        }
        String host = given.endsWith(".") ? given.substring(0, given.length() - 1) : given;
        if (!NAME.matcher(host).matches()) {
            throw refused("webhook host \"" + given + "\" is not a valid host name");
        }
        String[] labels = host.split("\\.");
        if (!NUMBER.matcher(labels[labels.length - 1]).matches()) {
            return new WebhookTarget(scheme, host, port, Optional.empty(), true, requestTarget, shown);
        }
        // a host ending in a number is an IPv4 address to browsers and curl, whatever a resolver makes of it
        byte[] address = Ipv4Spellings.parse(labels).orElseThrow(() -> refused("refused: " + given
                + " is not a valid IPv4 address (an ambiguous numeric host)"));
        boolean canonical = InetAddressText.of(address).equals(host);
        return new WebhookTarget(scheme, host, port, Optional.of(address), canonical, requestTarget, shown);
    }

    private static byte[] v6(String host) {
        if (host.contains("%")) {
            throw refused("refused: the IPv6 literal " + host + " names a zone (%), which a webhook may not use");
        }
        if (!host.contains(":") || !V6.matcher(host).matches()) {
            throw refused("webhook host [" + host + "] is not a valid IPv6 address");
        }
        try {
            // digits, dots and colons only: parsed as a literal, never looked up
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw refused("webhook host [" + host + "] is not a valid IPv6 address");
        }
    }

    private static int port(String text, String scheme) {
        if (text.isEmpty()) {
            return scheme.equals("https") ? 443 : 80;
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw refused("webhook url has an invalid port");
        }
        return Integer.parseInt(text);
    }

    private static DeliveryException refused(String message) {
        return new DeliveryException(message, false, Optional.empty());
    }
}
