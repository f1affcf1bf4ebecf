package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A filter over one organization's executions, ordered by creation time then id.
 *
 * @param organizationId the tenant (always scoped)
 * @param automationId   only this automation
 * @param memberId       only this member
 * @param statuses       only these statuses; empty means all
 * @param createdFrom    created at or after
 * @param createdBefore  created before
 * @param limit          page size, 1 to 1,000
 * @param cursor         from a previous page's {@link ExecutionPage#nextCursor()}
 */
public record ExecutionQuery(String organizationId, Optional<String> automationId, Optional<String> memberId,
                             Set<ExecutionStatus> statuses, Optional<Instant> createdFrom,
                             Optional<Instant> createdBefore, int limit, Optional<String> cursor) {
    public static final int MAX_LIMIT = 1000;

    public ExecutionQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(automationId, "automationId");
        Objects.requireNonNull(memberId, "memberId");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    /** Every execution of the organization, first page of {@code limit}. */
    public static ExecutionQuery all(String organizationId, int limit) {
        return new ExecutionQuery(organizationId, Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), limit, Optional.empty());
    }

    public ExecutionQuery withCursor(String nextCursor) {
        return new ExecutionQuery(organizationId, automationId, memberId, statuses, createdFrom, createdBefore, limit,
                Optional.of(nextCursor));
    }
}
