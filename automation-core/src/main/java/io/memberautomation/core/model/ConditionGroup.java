package io.memberautomation.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A group of conditions combined with AND or OR, optionally negated. An empty AND group is true,
 * an empty OR group is false (before negation).
 *
 * @param operator   how members combine (default {@link GroupOperator#AND})
 * @param negate     invert the group's result
 * @param conditions the members, groups or leaves
 */
public record ConditionGroup(GroupOperator operator, boolean negate, List<ConditionNode> conditions)
        implements ConditionNode {

    public ConditionGroup {
        Objects.requireNonNull(operator, "operator");
        conditions = Checks.list(conditions, "conditions");
    }

    public static ConditionGroup and(ConditionNode... conditions) {
        return new ConditionGroup(GroupOperator.AND, false, List.of(conditions));
    }

    public static ConditionGroup or(ConditionNode... conditions) {
        return new ConditionGroup(GroupOperator.OR, false, List.of(conditions));
    }

    public ConditionGroup negated() {
        return new ConditionGroup(operator, !negate, conditions);
    }
}
