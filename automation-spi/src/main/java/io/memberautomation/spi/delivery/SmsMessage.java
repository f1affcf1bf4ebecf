package io.memberautomation.spi.delivery;

import java.util.Objects;

/**
 * A rendered SMS to one member.
 *
 * @param organizationId the sending organization
 * @param memberId       the recipient member
 * @param to             the recipient phone number
 * @param body           the rendered text
 * @param idempotencyKey stable per execution and step
 */
public record SmsMessage(String organizationId, String memberId, String to, String body, String idempotencyKey) {
    public SmsMessage {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
