package io.memberautomation.core.trigger;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a member (or an organization) that may enroll it in automations.
 *
 * @param id             the event's id: the same id is enrolled once per organization; empty for events
 *                       with no identity (each is then enrolled as new)
 * @param organizationId the tenant
 * @param type           the trigger type it raises
 * @param memberId       the member it concerns; empty for organization-level events
 * @param payload        its fields, seen by conditions as {@code event.<field>}
 * @param occurredAt     when it happened; empty means when the engine accepts it
 */
public record TriggerEvent(Optional<String> id, String organizationId, TriggerType type, Optional<String> memberId,
                           Map<String, Object> payload, Optional<Instant> occurredAt) {

    /** The key under which change-driven events carry the member's fields before the change. */
    public static final String PREVIOUS = "previous";

    public TriggerEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(memberId, "memberId");
        payload = Data.copy(payload);
        Objects.requireNonNull(occurredAt, "occurredAt");
        id.ifPresent(value -> {
            if (value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("an event id must be 1 to 200 characters");
            }
        });
    }

    /** An event about one member, with an id for deduplication. */
    public static TriggerEvent of(String id, String organizationId, TriggerType type, String memberId,
                                  Map<String, ?> payload) {
        return new TriggerEvent(Optional.of(id), organizationId, type, Optional.of(memberId), Data.copy(payload),
                Optional.empty());
    }
}
