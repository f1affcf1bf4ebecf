package io.memberautomation.core.condition;

import org.jspecify.annotations.Nullable;

/**
 * The right-hand side of a leaf, compiled: a literal with its forms precomputed, another field, or a date
 * relative to now. Every implementation follows the comparison rules of the package documentation.
 */
abstract class CompiledOperand {

    /**
     * Compares a present field value with this operand: LESS, EQUAL, GREATER, MISMATCH, or MISSING when the
     * operand is a missing field. {@code ignoreCase}, when the condition has it, is already part of the operand.
     */
    abstract int compare(Object value, EvaluationContext ctx);

    /** The operand as text for string operators (folded under ignoreCase), or null when it is not a string. */
    @Nullable String text(EvaluationContext ctx) {
        return null;
    }

    /** Whether the operand is a field that is missing in this context. */
    boolean isMissing(EvaluationContext ctx) {
        return false;
    }

    /** The operand rendered for an explanation, resolved against the value the leaf saw where that matters. */
    abstract String describe(@Nullable Object value, EvaluationContext ctx);

    /** {@link #describe}'s text when it never depends on the value or context (a literal); null otherwise. */
    @Nullable String fixedDescription() {
        return null;
    }
}
