package io.memberautomation.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One comparison: {@code { "field": "member.status", "op": "eq", "value": "active" }}.
 *
 * @param field      the path compared
 * @param op         the operator
 * @param value      the right-hand side; empty exactly for unary operators
 * @param ignoreCase compare strings without regard to case (string operators only)
 */
public record Condition(FieldPath field, Operator op, Optional<Operand> value, boolean ignoreCase)
        implements ConditionNode {

    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (op.isUnary() && value.isPresent()) {
            throw new IllegalArgumentException("operator " + WireName.of(op) + " takes no value");
        }
        if (!op.isUnary() && value.isEmpty()) {
            throw new IllegalArgumentException("operator " + WireName.of(op) + " needs a value");
        }
        if (ignoreCase && !op.isStringOperator()) {
            throw new IllegalArgumentException("ignoreCase does not apply to " + WireName.of(op));
        }
    }

    public static Condition of(String field, Operator op, Operand value) {
        return new Condition(FieldPath.parse(field), op, Optional.of(value), false);
    }

    public static Condition of(String field, Operator op) {
        return new Condition(FieldPath.parse(field), op, Optional.empty(), false);
    }
}
