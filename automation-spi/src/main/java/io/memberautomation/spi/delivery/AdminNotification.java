package io.memberautomation.spi.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A message to the organization's administrators.
 *
 * @param organizationId the organization
 * @param memberId       the member it concerns, if any
 * @param message        rendered text
 * @param channel        where to post it (host-defined: "email", "slack", ...), if named
 * @param idempotencyKey stable per execution and step
 */
public record AdminNotification(String organizationId, Optional<String> memberId, String message,
                                Optional<String> channel, String idempotencyKey) {
    public AdminNotification {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
