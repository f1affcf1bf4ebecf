package io.memberautomation.core.action.internal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Reads an IPv4 address the way {@code inet_aton}, browsers and curl do: one to four parts, each decimal,
 * octal (a leading {@code 0}) or hexadecimal ({@code 0x}), the last part filling the bytes left. So
 * {@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 2130706433} and {@code 127.1} are all 127.0.0.1. The JDK
 * reads some of these differently (it takes {@code 0177} as decimal), which is exactly why a webhook guard
 * must not trust one reader's meaning.
 */
final class Ipv4Spellings {
    private static final int MAX_PART_CHARS = 16;

    private Ipv4Spellings() {}

    /** The address, or empty when the parts are not a valid address in any of these spellings. */
    static Optional<byte[]> parse(String[] parts) {
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = part(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
        }
        int lastBytes = 5 - values.length;
        if (values[values.length - 1] >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        long address = values[values.length - 1];
        for (int i = 0; i < values.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        return Optional.of(new byte[] {
                (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    private static Optional<Long> part(String part) {
        if (part.isEmpty() || part.length() > MAX_PART_CHARS) {
            return Optional.empty();
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return Optional.of(0L);
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (!digits.matches("[0-9a-f]+")) {
            return Optional.empty();
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            return value.bitLength() > 32 ? Optional.empty() : Optional.of(value.longValueExact());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
