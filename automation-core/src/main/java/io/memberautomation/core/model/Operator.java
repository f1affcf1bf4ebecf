package io.memberautomation.core.model;

/** Comparison operators of a condition leaf; see the format for their exact semantics. */
public enum Operator {
    EQ, NEQ, GT, GTE, LT, LTE,
    /** {@code [low, high]}, both ends inclusive. */
    BETWEEN,
    IN, NOT_IN,
    /** Substring, or element of a list. */
    CONTAINS, NOT_CONTAINS,
    STARTS_WITH, ENDS_WITH,
    /** A regular expression evaluated in linear time (RE2 semantics). */
    MATCHES,
    IS_SET, IS_NOT_SET, IS_EMPTY, IS_NOT_EMPTY,
    /** The member's tags (or the named list field) contain the value. */
    HAS_TAG,
    /** The field differs from the same field under {@code previous.*}. */
    CHANGED,
    /** The field changed and now equals the value. */
    CHANGED_TO;

    /** Whether the operator takes no {@code value}. */
    public boolean isUnary() {
        return this == IS_SET || this == IS_NOT_SET || this == IS_EMPTY || this == IS_NOT_EMPTY || this == CHANGED;
    }

    /** Whether {@code ignoreCase} applies. */
    public boolean isStringOperator() {
        return switch (this) {
            case EQ, NEQ, IN, NOT_IN, CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES, HAS_TAG, CHANGED_TO -> true;
            default -> false;
        };
    }
}
