package io.memberautomation.jdbc;

import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code automation_outbox}, as a host wrote it in its own transaction.
 *
 * @param id             the row's id: the order events are handed on in
 * @param organizationId the tenant
 * @param eventId        the event's id, by which the engine enrolls it once however often it is handed on
 * @param type           the trigger type ({@code member_joined}, {@code payment_failed}, ...)
 * @param memberId       the member the event is about, if any; a member's events are handed on in id order
 * @param payload        the event's data: plain JSON, numbers as {@code BigDecimal}, nulls left out
 * @param occurredAt     when the event happened
 * @param createdAt      when the row was written (the database's clock)
 */
public record OutboxEvent(long id, String organizationId, String eventId, String type, Optional<String> memberId,
                          Map<String, Object> payload, Instant occurredAt, Instant createdAt) {
    public OutboxEvent {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(memberId, "memberId");
        payload = Data.copy(payload);
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
