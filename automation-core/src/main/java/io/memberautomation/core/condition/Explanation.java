package io.memberautomation.core.condition;

import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.WireName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a condition came out as it did: a tree mirroring the condition, with the value every leaf saw. Every child
 * of a group is explained, including those that evaluation skipped by short-circuit (conditions have no side
 * effects, so the values shown are the ones the skipped leaves would have seen).
 */
public sealed interface Explanation permits Explanation.Group, Explanation.Leaf {

    /** The node's result, after any negation. */
    boolean result();

    /**
     * A JSON-ready rendering for step logs: only strings, booleans, lists and maps (in a stable key order), no
     * nulls. A group has {@code operator}, {@code negate}, {@code result}, {@code conditions}; a leaf has
     * {@code field}, {@code op}, {@code seen}, {@code expected} (absent for unary operators), {@code result}
     * and {@code reason} (only when false for a structural cause).
     */
    Map<String, Object> toMap();

    /** Why a leaf is false, when the cause is structural rather than the values simply not satisfying it. */
    enum Reason {
        /** The field (or the field the operand names) is missing or null. */
        MISSING,
        /** The values are of types the operator cannot compare. */
        TYPE_MISMATCH,
        /** {@code changed} or {@code changed_to} without a previous context. */
        NO_PREVIOUS;

        /** The snake_case name used in {@link Explanation#toMap()}. */
        public String wireName() {
            return WireName.of(this);
        }
    }

    /** A group node: its operator, negation, result and its children in order. */
    record Group(GroupOperator operator, boolean negate, boolean result, List<Explanation> children)
            implements Explanation {
        private static final String[] KEYS = {"operator", "negate", "result", "conditions"};
        private static final String AND = WireName.of(GroupOperator.AND);
        private static final String OR = WireName.of(GroupOperator.OR);

        public Group {
            Objects.requireNonNull(operator, "operator");
            children = List.copyOf(children);
        }

        @Override
        public Map<String, Object> toMap() {
            Object[] conditions = new Object[children.size()];
            for (int i = 0; i < conditions.length; i++) {
                conditions[i] = children.get(i).toMap();
            }
            return new FixedOrderMap(KEYS, new Object[] {operator == GroupOperator.AND ? AND : OR, negate, result,
                    List.of(conditions)});
        }

        /** An indented tree, one node per line: {@code AND -> false}, then the children. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            ExplanationText.append(out, this, 0);
            return out.toString();
        }
    }

    /**
     * A leaf node.
     *
     * @param field    the field path, as written ({@code member.renewal_date})
     * @param operator the operator's wire name ({@code between})
     * @param seen     the field's value, rendered short (at most 120 characters; strings quoted;
     *                 {@code <missing>} when missing)
     * @param expected the operand rendered (a relative date with the date it resolved to, a field with its value);
     *                 empty for unary operators
     * @param result   the leaf's result
     * @param reason   when false for a structural cause, that cause
     */
    record Leaf(String field, String operator, String seen, Optional<String> expected, boolean result,
                Optional<Reason> reason) implements Explanation {
        public Leaf {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(seen, "seen");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(reason, "reason");
            if (result && reason.isPresent()) {
                throw new IllegalArgumentException("a true leaf has no reason to be false");
            }
        }

        /** The key arrays of the four shapes, indexed by (expected present ? 2 : 0) + (reason present ? 1 : 0). */
        private static final String[][] SHAPES = {
            {"field", "op", "seen", "result"},
            {"field", "op", "seen", "result", "reason"},
            {"field", "op", "seen", "expected", "result"},
            {"field", "op", "seen", "expected", "result", "reason"},
        };

        @Override
        public Map<String, Object> toMap() {
            String[] keys = SHAPES[(expected.isPresent() ? 2 : 0) + (reason.isPresent() ? 1 : 0)];
            Object[] values = new Object[keys.length];
            int i = 0;
            values[i++] = field;
            values[i++] = operator;
            values[i++] = seen;
            if (expected.isPresent()) {
                values[i++] = expected.get();
            }
            values[i++] = result;
            if (reason.isPresent()) {
                values[i] = reason.get().wireName();
            }
            return new FixedOrderMap(keys, values);
        }

        /** One line: {@code member.status eq "active" -> false (seen "lapsed")}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            ExplanationText.append(out, this, 0);
            return out.toString();
        }
    }
}
