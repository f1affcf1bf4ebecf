package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One live path through an execution's step graph. Parallel {@code nextSteps} make several; the execution
 * completes when none is left.
 *
 * @param id      unique within the execution, stable for the branch's life
 * @param stepId  the step the branch is at
 * @param attempt the attempt of that step that runs next (1-based)
 * @param state   what it waits for
 * @param dueAt   when a delay or retry wait ends; present iff state is not READY
 */
public record Branch(String id, String stepId, int attempt, BranchState state, Optional<Instant> dueAt) {
    public Branch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        if (dueAt.isPresent() == (state == BranchState.READY)) {
            throw new IllegalArgumentException("a due time belongs to waiting branches only");
        }
    }

    public static Branch ready(String id, String stepId) {
        return new Branch(id, stepId, 1, BranchState.READY, Optional.empty());
    }

    /** Whether the branch can run at {@code now}: ready, or its wait is over. */
    public boolean isDue(Instant now) {
        return dueAt.map(due -> !due.isAfter(now)).orElse(true);
    }
}
