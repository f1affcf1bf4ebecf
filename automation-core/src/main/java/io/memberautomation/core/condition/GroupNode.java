package io.memberautomation.core.condition;

import io.memberautomation.core.model.GroupOperator;
import java.util.ArrayList;
import java.util.List;

/** AND or OR over compiled children, short-circuiting, then negated if the group says so. */
final class GroupNode extends Node implements CompiledCondition {
    private final GroupOperator operator;
    private final boolean and;
    private final boolean negate;
    private final Node[] children;

    GroupNode(GroupOperator operator, boolean negate, List<Node> children) {
        this.operator = operator;
        this.and = operator == GroupOperator.AND;
        this.negate = negate;
        this.children = children.toArray(new Node[0]);
    }

    @Override
    public boolean test(EvaluationContext ctx) {
        // AND stops at the first false child, OR at the first true one; an empty AND is true, an empty OR false
        for (Node child : children) {
            if (child.test(ctx) != and) {
                return !and ^ negate;
            }
        }
        return and ^ negate;
    }

    /** Explains every child, even those {@link #test} would skip: conditions are pure, and the log shows all values. */
    @Override
    public Explanation explain(EvaluationContext ctx) {
        List<Explanation> explained = new ArrayList<>(children.length);
        boolean decided = false;
        for (Node child : children) {
            Explanation explanation = child.explain(ctx);
            explained.add(explanation);
            decided |= explanation.result() != and;
        }
        boolean result = (decided ? !and : and) ^ negate;
        return new Explanation.Group(operator, negate, result, explained);
    }
}
