package io.memberautomation.core.action.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may not reach unless the host allow-lists them: everything that is not a public
 * unicast address, so a definition cannot turn the engine against the host's own network or its cloud's
 * metadata service. The first matching rule names the reason ({@code "a private address (10.0.0.0/8)"}).
 *
 * <p>IPv6 addresses that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) are
 * judged by the IPv4 address they carry as well; IPv6 outside global unicast ({@code 2000::/3}) is refused.
 */
public final class AddressRules {
    private record Rule(Cidr block, String reason) {}

    private static final List<Rule> V4 = List.of(
            rule("169.254.169.254/32", "a cloud metadata address"),
            rule("169.254.170.2/32", "a cloud metadata address"),
            rule("100.100.100.200/32", "a cloud metadata address"),
            rule("0.0.0.0/32", "the unspecified address"),
            rule("0.0.0.0/8", "a this-network address"),
            rule("10.0.0.0/8", "a private address"),
            rule("100.64.0.0/10", "a shared CGNAT address"),
            rule("127.0.0.0/8", "a loopback address"),
            rule("169.254.0.0/16", "a link-local address"),
            rule("172.16.0.0/12", "a private address"),
            rule("192.0.0.0/24", "an IETF protocol assignment address"),
            rule("192.0.2.0/24", "a documentation address"),
            rule("192.88.99.0/24", "a 6to4 relay anycast address"),
            rule("192.168.0.0/16", "a private address"),
            rule("198.18.0.0/15", "a benchmark address"),
            rule("198.51.100.0/24", "a documentation address"),
            rule("203.0.113.0/24", "a documentation address"),
            rule("224.0.0.0/4", "a multicast address"),
            rule("255.255.255.255/32", "the broadcast address"),
            rule("240.0.0.0/4", "a reserved address"));

    private static final List<Rule> V6 = List.of(
            rule("::/128", "the unspecified address"),
            rule("::1/128", "a loopback address"),
            rule("fd00:ec2::254/128", "a cloud metadata address"),
            rule("64:ff9b:1::/48", "a local-use NAT64 address"),
            rule("100::/64", "a discard-only address"),
            rule("2001:2::/48", "a benchmark address"),
            rule("2001:10::/28", "an ORCHID address"),
            rule("2001:20::/28", "an ORCHID address"),
            rule("2001:db8::/32", "a documentation address"),
            rule("3fff::/20", "a documentation address"),
            rule("fc00::/7", "a unique-local address"),
            rule("fe80::/10", "a link-local address"),
            rule("fec0::/10", "a site-local address"),
            rule("ff00::/8", "a multicast address"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr TEREDO = Cidr.parse("2001::/32");
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private AddressRules() {}

    /** Why the address (4 or 16 bytes) may not be reached, or empty when it is a public unicast address. */
    public static Optional<String> refusal(byte[] address) {
        return address.length == 4 ? v4(address) : v6(address);
    }

    private static Optional<String> v4(byte[] address) {
        for (Rule rule : V4) {
            if (rule.block().contains(address)) {
                return Optional.of(rule.reason() + " (" + rule.block() + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> v6(byte[] address) {
        for (Rule rule : V6) {
            if (rule.block().contains(address)) {
                return Optional.of(rule.reason() + " (" + rule.block() + ")");
            }
        }
        if (MAPPED.contains(address)) {
            return embedded(address, 12, false, "IPv4-mapped");
        }
        if (COMPATIBLE.contains(address)) {
            return embedded(address, 12, false, "IPv4-compatible")
                    .or(() -> Optional.of("a deprecated IPv4-compatible address (" + COMPATIBLE + ")"));
        }
        if (NAT64.contains(address)) {
            return embedded(address, 12, false, "NAT64");
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded(address, 2, false, "6to4");
        }
        if (TEREDO.contains(address)) {
            return embedded(address, 4, false, "Teredo server")
                    .or(() -> embedded(address, 12, true, "Teredo client"))
                    .or(() -> Optional.of("a Teredo tunnel address (" + TEREDO + ")"));
        }
        if (!GLOBAL_UNICAST.contains(address)) {
            return Optional.of("not a global unicast address (outside " + GLOBAL_UNICAST + ")");
        }
        return Optional.empty();
    }

    /** The refusal of the IPv4 address carried at {@code offset} (Teredo stores its client inverted). */
    private static Optional<String> embedded(byte[] address, int offset, boolean inverted, String kind) {
        byte[] v4 = Arrays.copyOfRange(address, offset, offset + 4);
        if (inverted) {
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~v4[i];
            }
        }
        String article = kind.startsWith("IPv4") ? "an " : "a ";
        return v4(v4).map(reason -> article + kind + " address carrying " + InetAddressText.of(v4) + ", " + reason);
    }

    private static Rule rule(String cidr, String reason) {
        return new Rule(Cidr.parse(cidr), reason);
    }
}
