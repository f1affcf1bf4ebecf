package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.DefinitionLimits;

import java.util.ArrayList;
import java.util.List;

/** What one validation run shares between readers: its problems, limits, action types and step references. */
final class ReadContext {

    /** A {@code steps.<id>.output} path seen in a condition, checked once every step id is known. */
    record StepOutputRef(String stepId, JsonPath at) {}

    final Problems problems = new Problems();
    final DefinitionLimits limits;
    final ActionTypes actionTypes;
    private final List<StepOutputRef> stepOutputRefs = new ArrayList<>();

    ReadContext(DefinitionLimits limits, ActionTypes actionTypes) {
        this.limits = limits;
        this.actionTypes = actionTypes;
    }

    void referToStepOutput(String stepId, JsonPath at) {
        stepOutputRefs.add(new StepOutputRef(stepId, at));
    }

    List<StepOutputRef> stepOutputRefs() {
        return List.copyOf(stepOutputRefs);
    }
}
