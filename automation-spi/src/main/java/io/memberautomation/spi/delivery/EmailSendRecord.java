package io.memberautomation.spi.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One email send attempt as recorded for the organization's records (the seed's {@code email_sends}).
 *
 * @param organizationId    the sending organization
 * @param memberId          the recipient member
 * @param templateId        the template
 * @param address           the recipient address
 * @param status            {@code sent}, {@code failed} or {@code skipped}
 * @param at                when it was attempted
 * @param idempotencyKey    the step's key: two records with one key are one send retried
 * @param providerMessageId the provider's id, when sent
 */
public record EmailSendRecord(String organizationId, String memberId, String templateId, String address, String status,
                              Instant at, String idempotencyKey, Optional<String> providerMessageId) {
    public EmailSendRecord {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
}
