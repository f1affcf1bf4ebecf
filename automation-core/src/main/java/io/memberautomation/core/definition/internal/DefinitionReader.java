package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.DefinitionLimits;
import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.ValidationReport;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.ConditionGroup;

import java.util.Optional;

/** Validates documents and trees under fixed limits and action types. Immutable and thread-safe. */
public final class DefinitionReader {

    private final DefinitionLimits limits;
    private final ActionTypes actionTypes;
    private final JsonParsing parsing;

    public DefinitionReader(DefinitionLimits limits, ActionTypes actionTypes) {
        this.limits = limits;
        this.actionTypes = actionTypes;
        this.parsing = new JsonParsing(limits);
    }

    public ValidationReport validate(String json) {
        ReadContext context = new ReadContext(limits, actionTypes);
        Optional<Automation> automation = parsing.parse(json, context.problems)
                .flatMap(tree -> new AutomationReader(context).read(tree));
        return report(context, automation);
    }

    /** Validates a model by validating what it writes; a model too deep to write is reported as such. */
    public ValidationReport validate(Automation model) {
        ReadContext context = new ReadContext(limits, actionTypes);
        ModelDepth.check(model, limits.maxNestingDepth(), context.problems);
        if (context.problems.errorCount() > 0) {
            return report(context, Optional.empty());
        }
        Optional<Automation> automation = new AutomationReader(context).read(AutomationWriter.toJson(model));
        return report(context, automation);
    }

    /**
     * Reads a condition group that stands alone, with paths relative to it. It belongs to no automation,
     * so a {@code steps.*} path has no step to refer to and is refused.
     *
     * @throws InvalidDefinitionException listing every error
     */
    public ConditionGroup readConditionGroup(JsonNode json) {
        ReadContext context = new ReadContext(limits, actionTypes);
        Optional<ConditionGroup> group = new ConditionReader(context).readTree(json, JsonPath.ROOT);
        for (ReadContext.StepOutputRef ref : context.stepOutputRefs()) {
            context.problems.error(ref.at(), ProblemCode.INVALID_FIELD_PATH, "a condition group on its own has no"
                    + " steps: " + Values.quote("steps." + ref.stepId()) + " refers to nothing");
        }
        if (context.problems.errorCount() > 0 || group.isEmpty()) {
            throw new InvalidDefinitionException(context.problems.all());
        }
        return group.get();
    }

    private static ValidationReport report(ReadContext context, Optional<Automation> automation) {
        boolean clean = context.problems.errorCount() == 0;
        return new ValidationReport(context.problems.all(), clean ? automation : Optional.empty());
    }
}
