package io.memberautomation.core.condition;

/**
 * Result codes of comparing a field value with an operand. {@code LESS}, {@code EQUAL} and {@code GREATER}
 * are -1, 0 and 1, so that an operator's accepted results fit in a three-bit mask.
 */
final class Cmp {
    static final int LESS = -1;
    static final int EQUAL = 0;
    static final int GREATER = 1;
    /** The two values cannot be compared (a number against a date, a list against a string). */
    static final int MISMATCH = 2;
    /** The operand is a field that is missing. */
    static final int MISSING = 3;

    static final int ACCEPT_LESS = 1;
    static final int ACCEPT_EQUAL = 2;
    static final int ACCEPT_GREATER = 4;

    private Cmp() {}

    /** Whether {@code code} (an ordering, or one of the failures) is one the mask accepts. */
    static boolean accepts(int mask, int code) {
        return code <= GREATER && ((mask >>> (code + 1)) & 1) != 0;
    }
}
