package io.memberautomation.core.condition;

import io.memberautomation.core.model.GroupOperator;
import java.util.List;

/**
 * AND or OR over compiled children, short-circuiting, then negated if the group says so. An empty AND is true, an
 * empty OR false.
 *
 * <p>Groups of up to three children (nearly all of them) hold each child in its own field, so that each child is
 * called from its own call site with its own type profile: where the JIT sees one node class per site it inlines
 * the child, where a loop over an array would be one site seeing every node class, dispatched through the vtable.
 */
abstract class GroupNode extends Node implements CompiledCondition {
    private final GroupOperator operator;
    /** AND stops at the first false child, OR at the first true one: the child result that does not stop. */
    final boolean and;
    final boolean negate;
    private final Node[] children;

    private GroupNode(GroupOperator operator, boolean negate, List<Node> children) {
        this.operator = operator;
        this.and = operator == GroupOperator.AND;
        this.negate = negate;
        this.children = children.toArray(new Node[0]);
    }

    static GroupNode of(GroupOperator operator, boolean negate, List<Node> children) {
        return switch (children.size()) {
            case 0 -> new Of0(operator, negate, children);
            case 1 -> new Of1(operator, negate, children);
            case 2 -> new Of2(operator, negate, children);
            case 3 -> new Of3(operator, negate, children);
            default -> new OfMany(operator, negate, children);
        };
    }

    @Override
    public abstract boolean test(EvaluationContext ctx);

    /** Explains every child, even those {@link #test} would skip: conditions are pure, and the log shows all values. */
    @Override
    public final Explanation explain(EvaluationContext ctx) {
        Explanation[] explained = new Explanation[children.length];
        boolean decided = false;
        for (int i = 0; i < explained.length; i++) {
            explained[i] = children[i].explain(ctx);
            decided |= explained[i].result() != and;
        }
        boolean result = (decided ? !and : and) ^ negate;
        // an immutable list, which the record keeps as it is instead of copying
        return new Explanation.Group(operator, negate, result, List.of(explained));
    }

    private static final class Of0 extends GroupNode {
        Of0(GroupOperator operator, boolean negate, List<Node> children) {
            super(operator, negate, children);
        }

        @Override
        public boolean test(EvaluationContext ctx) {
            return and ^ negate;
        }
    }

    private static final class Of1 extends GroupNode {
        private final Node first;

        Of1(GroupOperator operator, boolean negate, List<Node> children) {
            super(operator, negate, children);
            this.first = children.get(0);
        }

        @Override
        public boolean test(EvaluationContext ctx) {
            return first.test(ctx) ^ negate;
        }
    }

    private static final class Of2 extends GroupNode {
        private final Node first;
        private final Node second;

        Of2(GroupOperator operator, boolean negate, List<Node> children) {
            super(operator, negate, children);
            this.first = children.get(0);
            this.second = children.get(1);
        }

        @Override
        public boolean test(EvaluationContext ctx) {
            boolean result = first.test(ctx) == and ? second.test(ctx) : !and;
            return result ^ negate;
        }
    }

    private static final class Of3 extends GroupNode {
        private final Node first;
        private final Node second;
        private final Node third;

        Of3(GroupOperator operator, boolean negate, List<Node> children) {
            super(operator, negate, children);
            this.first = children.get(0);
            this.second = children.get(1);
            this.third = children.get(2);
        }

        @Override
        public boolean test(EvaluationContext ctx) {
            boolean result = first.test(ctx) == and ? (second.test(ctx) == and ? third.test(ctx) : !and) : !and;
            return result ^ negate;
        }
    }

    private static final class OfMany extends GroupNode {
        private final Node[] all;

        OfMany(GroupOperator operator, boolean negate, List<Node> children) {
            super(operator, negate, children);
            this.all = children.toArray(new Node[0]);
        }

        @Override
        public boolean test(EvaluationContext ctx) {
            for (Node child : all) {
                if (child.test(ctx) != and) {
                    return !and ^ negate;
                }
            }
            return and ^ negate;
        }
    }
}
