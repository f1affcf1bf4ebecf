package io.memberautomation.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of an automation's step graph. Exactly the body matching {@link #type} is present.
 *
 * @param id        unique within the automation
 * @param type      action, condition or delay
 * @param action    present iff type is action
 * @param condition present iff type is condition
 * @param delay     present iff type is delay
 * @param nextSteps steps to run after this one (for a condition: when true); several run as parallel branches
 * @param elseSteps condition steps only: steps to run when false
 */
public record Step(String id, StepType type, Optional<Action> action, Optional<ConditionGroup> condition,
                   Optional<Delay> delay, List<String> nextSteps, List<String> elseSteps) {

    public Step {
        Checks.text(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(delay, "delay");
        nextSteps = Checks.list(nextSteps, "nextSteps");
        elseSteps = Checks.list(elseSteps, "elseSteps");
        if (action.isPresent() != (type == StepType.ACTION)
                || condition.isPresent() != (type == StepType.CONDITION)
                || delay.isPresent() != (type == StepType.DELAY)) {
            throw new IllegalArgumentException("step \"" + id + "\" of type " + WireName.of(type)
                    + " must carry exactly its own body");
        }
        if (type != StepType.CONDITION && !elseSteps.isEmpty()) {
            throw new IllegalArgumentException("step \"" + id + "\": only condition steps have elseSteps");
        }
    }

    public static Step action(String id, Action action, String... next) {
        return new Step(id, StepType.ACTION, Optional.of(action), Optional.empty(), Optional.empty(),
                List.of(next), List.of());
    }

    public static Step condition(String id, ConditionGroup condition, List<String> next, List<String> otherwise) {
        return new Step(id, StepType.CONDITION, Optional.empty(), Optional.of(condition), Optional.empty(),
                next, otherwise);
    }

    public static Step delay(String id, Delay delay, String... next) {
        return new Step(id, StepType.DELAY, Optional.empty(), Optional.empty(), Optional.of(delay),
                List.of(next), List.of());
    }
}
