package io.memberautomation.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque query cursor: the creation time and id of the last execution of the previous page, encoded
 * as the in-memory store encodes it.
 */
record ExecutionCursor(Instant createdAt, String id) {

    String encode() {
        String plain = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor */
    static ExecutionCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a query cursor: " + cursor);
            }
            return new ExecutionCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    parts[2]);
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("not a query cursor: " + cursor, e);
        }
    }
}
