package io.memberautomation.core.condition;

import java.util.Optional;

/** What one leaf came to: true, or false with the structural cause if there was one. */
enum Outcome {
    TRUE(Optional.empty()),
    FALSE(Optional.empty()),
    MISSING(Optional.of(Explanation.Reason.MISSING)),
    TYPE_MISMATCH(Optional.of(Explanation.Reason.TYPE_MISMATCH)),
    NO_PREVIOUS(Optional.of(Explanation.Reason.NO_PREVIOUS));

    private final Optional<Explanation.Reason> reason;

    Outcome(Optional<Explanation.Reason> reason) {
        this.reason = reason;
    }

    Optional<Explanation.Reason> reason() {
        return reason;
    }

    static Outcome of(boolean result) {
        return result ? TRUE : FALSE;
    }

    /** The outcome of a comparison code under an operator's accept mask. */
    static Outcome ofComparison(int code, int acceptMask) {
        if (code == Cmp.MISMATCH) {
            return TYPE_MISMATCH;
        }
        if (code == Cmp.MISSING) {
            return MISSING;
        }
        return Cmp.accepts(acceptMask, code) ? TRUE : FALSE;
    }
}
