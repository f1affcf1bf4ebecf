package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The executions one trigger event creates, applied atomically with the event's deduplication.
 *
 * @param organizationId the tenant
 * @param eventId        the event's id: when already seen, nothing is created; empty for runs with no
 *                       event identity (a manual run)
 * @param receivedAt     when the engine accepted the event
 * @param executions     the executions to create; each is queued, available at once
 */
public record Enrollment(String organizationId, Optional<String> eventId, Instant receivedAt,
                         List<NewExecution> executions) {
    public Enrollment {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        executions = List.copyOf(executions);
    }
}
