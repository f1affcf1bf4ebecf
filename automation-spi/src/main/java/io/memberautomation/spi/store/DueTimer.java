package io.memberautomation.spi.store;

import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable timer. Scheduling a timer with an id that exists replaces it (that is how a date-based fire
 * time moves when the member's date changes).
 *
 * @param id             unique; deterministic so that replacing works
 * @param organizationId the tenant
 * @param kind           what it wakes
 * @param targetId       the execution id (EXECUTION) or the automation id (SCHEDULE)
 * @param memberId       the member, for per-member schedules
 * @param dueAt          when it is due
 * @param data           what the waker needs (JSON-ready)
 */
public record DueTimer(String id, String organizationId, TimerKind kind, String targetId, Optional<String> memberId,
                       Instant dueAt, Map<String, Object> data) {
    public DueTimer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(dueAt, "dueAt");
        data = Data.copy(data);
    }

    public static DueTimer forExecution(String executionId, String organizationId, String branchId, Instant dueAt) {
        return new DueTimer(executionId + "/" + branchId, organizationId, TimerKind.EXECUTION, executionId,
                Optional.empty(), dueAt, Map.of());
    }
}
