package io.memberautomation.spi.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task for the organization's staff, created by a {@code create_task} action.
 *
 * @param organizationId the organization
 * @param memberId       the member the task is about, if any
 * @param title          rendered title
 * @param description    rendered description
 * @param assignee       who should do it, if named
 * @param dueAt          when it is due, if given
 * @param idempotencyKey stable per execution and step
 */
public record StaffTask(String organizationId, Optional<String> memberId, String title, Optional<String> description,
                        Optional<String> assignee, Optional<Instant> dueAt, String idempotencyKey) {
    public StaffTask {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
