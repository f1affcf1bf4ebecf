package io.memberautomation.core.action.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A block of IPv4 or IPv6 addresses ({@code 10.0.0.0/8}, {@code fc00::/7}). Parsed from literals only: a
 * name is refused, so building a block never touches DNS.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}, or a bare address (a block of one).
     *
     * @throws IllegalArgumentException when it is not an IP literal with a prefix within the address's size
     */
    public static Cidr parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address, cidr);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: \"" + cidr + "\"");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix out of range in \"" + cidr + "\"");
            }
        }
        byte[] network = masked(bytes, prefix);
        String text = InetAddressText.of(network) + "/" + prefix;
        return new Cidr(network, prefix, text);
    }

    /** Whether the address, given as its 4 or 16 bytes, lies in this block; a v4 block never holds v6 bytes. */
    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(masked(address, prefix), network);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefix == that.prefix && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    private static byte[] literal(String address, String cidr) {
        boolean v4 = address.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean v6 = address.contains(":") && address.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not a CIDR block of IP literals: \"" + cidr + "\"");
        }
        try {
            // a literal of digits, dots and colons is parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (v6 && bytes.length == 4) {
                // Java reads ::ffff:a.b.c.d as the IPv4 address; keep the block the size the text says
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a CIDR block of IP literals: \"" + cidr + "\"", e);
        }
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff00 >> keep));
        }
        return out;
    }
}
