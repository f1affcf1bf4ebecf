package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.internal.ActionTypes;
import io.memberautomation.core.definition.internal.AutomationWriter;
import io.memberautomation.core.definition.internal.DefinitionReader;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.ConditionGroup;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads, validates and writes automation definitions (workflow-format.md). Validation looks at the whole
 * document and reports every problem at once, each with a JSON path and a stable code, so a builder UI can
 * show them all and nothing is ever half-accepted. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * AutomationDefinitions definitions = AutomationDefinitions.builder()
 *         .actionType("crm_sync", params -> List.of())
 *         .build();
 * ValidationReport report = definitions.validate(json);
 * }</pre>
 */
public final class AutomationDefinitions {

    /** A custom action type name: the same characters as ids, so it reads safely in logs and URLs. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private static final AutomationDefinitions STANDARD = builder().build();

    private final DefinitionLimits limits;
    private final DefinitionReader reader;

    private AutomationDefinitions(Builder builder) {
        this.limits = builder.limits == null ? DefinitionLimits.DEFAULT : builder.limits;
        this.reader = new DefinitionReader(limits, ActionTypes.withCustom(builder.actionTypes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default limits and the built-in action types only. */
    public static AutomationDefinitions standard() {
        return STANDARD;
    }

    public DefinitionLimits limits() {
        return limits;
    }

    /**
     * Validates a JSON document. Never throws for bad input, however broken or hostile: every problem is in
     * the report, and the automation is there exactly when there is no error.
     */
    public ValidationReport validate(String json) {
        Objects.requireNonNull(json, "json");
        return reader.validate(json);
    }

    /**
     * The automation of a valid document.
     *
     * @throws InvalidDefinitionException listing every error when the document has any
     */
    public Automation read(String json) {
        ValidationReport report = validate(json);
        return report.automation().orElseThrow(() -> new InvalidDefinitionException(report.problems()));
    }

    /**
     * Reads a condition group that is not part of an automation, such as a dynamic segment's membership
     * rule, with the checks a group gets inside an automation: shape, operators and values, field paths,
     * regular expressions, limits. Problem paths are relative to the group ({@code $} is the group), so a
     * caller that took the group from a larger document prefixes them with where it found it. A lone
     * group has no steps, so {@code steps.*} paths are refused.
     *
     * @param json the group as a JSON tree (an object with {@code conditions})
     * @throws InvalidDefinitionException listing every error
     */
    public ConditionGroup readConditionGroup(JsonNode json) {
        Objects.requireNonNull(json, "json");
        return reader.readConditionGroup(json);
    }

    /**
     * Runs the document checks on a model built in code (the step graph, action types and params, regular
     * expressions, cron expressions, limits...), with paths as if the model were written to JSON. The
     * report's automation is the model as it reads back from JSON: equal to the argument, except that
     * aliases ({@code tagId}) are resolved.
     */
    public ValidationReport validate(Automation automation) {
        Objects.requireNonNull(automation, "automation");
        return reader.validate(automation);
    }

    /**
     * The automation as a pretty-printed document, keys in the format's order. Reading it back gives an
     * equal automation.
     *
     * @throws IllegalArgumentException when a condition tree nests more than 400 groups deep
     */
    public String write(Automation automation) {
        Objects.requireNonNull(automation, "automation");
        return AutomationWriter.write(automation);
    }

    /**
     * The automation as a JSON tree, the same document {@link #write} prints; a fresh tree on every call.
     *
     * @throws IllegalArgumentException when a condition tree nests more than 400 groups deep
     */
    public JsonNode toJson(Automation automation) {
        Objects.requireNonNull(automation, "automation");
        return AutomationWriter.toJson(automation);
    }

    /** Configures an {@link AutomationDefinitions}. Each option is set at most once. */
    public static final class Builder {
        private @Nullable DefinitionLimits limits;
        private final Map<String, ActionParamsValidator> actionTypes = new LinkedHashMap<>();
        private boolean built;

        private Builder() {}

        /** Size bounds on documents (default {@link DefinitionLimits#DEFAULT}). */
        public Builder limits(DefinitionLimits limits) {
            checkOpen();
            Objects.requireNonNull(limits, "limits");
            if (this.limits != null) {
                throw new IllegalStateException("limits are already set");
            }
            this.limits = limits;
            return this;
        }

        /**
         * Registers a custom action type and the check of its params; without it, a definition using the
         * type is refused with {@code unknown_action_type}.
         *
         * @param type      a name of 1 to 64 characters among {@code A-Z a-z 0-9 _ . : -}
         * @param validator checks params at validation time; {@link ActionParamsValidator#ANY} accepts all
         * @throws IllegalArgumentException when the type is built in, already registered or not a valid name
         */
        public Builder actionType(String type, ActionParamsValidator validator) {
            checkOpen();
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(validator, "validator");
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new IllegalArgumentException("action type \"" + type + "\" must match " + TYPE_NAME);
            }
            if (ActionTypes.isBuiltIn(type)) {
                throw new IllegalArgumentException("action type \"" + type + "\" is built in and cannot be replaced");
            }
            if (actionTypes.containsKey(type)) {
                throw new IllegalArgumentException("action type \"" + type + "\" is already registered");
            }
            actionTypes.put(type, validator);
            return this;
        }

        public AutomationDefinitions build() {
            checkOpen();
            built = true;
            return new AutomationDefinitions(this);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("this builder has already built its AutomationDefinitions");
            }
        }
    }
}
