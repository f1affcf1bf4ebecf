package io.memberautomation.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What enrolls members in an automation.
 *
 * @param type       the trigger kind
 * @param conditions evaluated against the trigger context; no enrollment unless true
 * @param fields     {@code member_updated} only: fire only when one of these member fields changed
 * @param segmentId  segment triggers only: which segment
 * @param milestone  {@code engagement_milestone} only
 * @param schedule   present iff type is {@code scheduled}
 */
public record Trigger(TriggerType type, Optional<ConditionGroup> conditions, List<String> fields,
                      Optional<String> segmentId, Optional<Milestone> milestone, Optional<Schedule> schedule) {

    public Trigger {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conditions, "conditions");
        fields = Checks.list(fields, "fields");
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(schedule, "schedule");
        if (schedule.isPresent() != (type == TriggerType.SCHEDULED)) {
            throw new IllegalArgumentException("a schedule is required for, and only for, scheduled triggers");
        }
        if (!fields.isEmpty() && type != TriggerType.MEMBER_UPDATED) {
            throw new IllegalArgumentException("fields apply to member_updated triggers only");
        }
        if (segmentId.isPresent() != type.isSegmentTrigger()) {
            throw new IllegalArgumentException("segmentId is required for, and only for, segment triggers");
        }
        if (milestone.isPresent() != (type == TriggerType.ENGAGEMENT_MILESTONE)) {
            throw new IllegalArgumentException("milestone is required for, and only for, engagement_milestone");
        }
    }

    public static Trigger of(TriggerType type) {
        return new Trigger(type, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
