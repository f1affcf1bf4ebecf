package io.memberautomation.core.trigger;

import io.memberautomation.core.model.ConditionGroup;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment of an organization's members. A dynamic segment is a condition group, evaluated on every
 * change of a member; a static one is a list the member's {@code segments} field holds. Joining or
 * leaving either raises {@code member_joined_segment} / {@code member_left_segment}.
 *
 * @param organizationId the tenant
 * @param id             the segment id
 * @param name           a person's name for it
 * @param conditions     the membership rule of a dynamic segment; empty for a static one
 */
public record Segment(String organizationId, String id, String name, Optional<ConditionGroup> conditions) {
    public Segment {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conditions, "conditions");
    }

    public boolean isDynamic() {
        return conditions.isPresent();
    }
}
