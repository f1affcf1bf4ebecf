package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.StepType;
import io.memberautomation.core.model.WireName;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the steps. Besides the model it records each step's id and outgoing references with their paths,
 * so the graph can be checked even when some step is broken.
 */
final class StepReader {

    static final List<String> KEYS = List.of("id", "type", "action", "condition", "delay", "nextSteps", "elseSteps");

    /** A reference to a step id, where it is written. */
    record Ref(String stepId, JsonPath at) {}

    /**
     * What the graph check needs of one step.
     *
     * @param id    the id as written, when it is a non-empty string
     * @param waits a delay step or a wait action: a loop through it is a reminder loop, not a runaway
     */
    record StepInfo(@Nullable String id, JsonPath at, List<Ref> next, boolean waits) {}

    private final ReadContext context;
    private final Problems problems;
    private final List<StepInfo> infos = new ArrayList<>();

    StepReader(ReadContext context) {
        this.context = context;
        this.problems = context.problems;
    }

    List<StepInfo> infos() {
        return List.copyOf(infos);
    }

    Optional<Step> read(JsonNode node, JsonPath at) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a step", KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> id = fields.required("id", StepReader::stepId);
        Optional<StepType> type = fields.requiredEnum("type", StepType.class);
        type.ifPresent(t -> checkTypeKeys(fields, t));
        boolean anyType = type.isEmpty();
        StepType kind = type.orElse(StepType.ACTION);
        Optional<Action> action = anyType || kind == StepType.ACTION
                ? fields.optional("action").flatMap(json -> new ActionReader(context).read(json, fields.at("action")))
                : Optional.empty();
        Optional<ConditionGroup> condition = anyType || kind == StepType.CONDITION
                ? fields.optional("condition")
                        .flatMap(json -> new ConditionReader(context).readTree(json, fields.at("condition")))
                : Optional.empty();
        Optional<Delay> delay = anyType || kind == StepType.DELAY
                ? fields.optional("delay").flatMap(json -> DelayReader.read(json, fields.at("delay"), problems, "a delay"))
                : Optional.empty();
        List<Ref> next = refs(fields, "nextSteps");
        List<Ref> otherwise = anyType || kind == StepType.CONDITION ? refs(fields, "elseSteps") : List.of();
        List<Ref> all = new ArrayList<>(next);
        all.addAll(otherwise);
        JsonNode rawId = node.get("id");
        String graphId = rawId != null && rawId.isTextual() && !rawId.textValue().isEmpty() ? rawId.textValue() : null;
        infos.add(new StepInfo(graphId, at, all, waits(node, type)));
        return Models.build(problems, at, before, () -> new Step(id.orElseThrow(), type.orElseThrow(), action,
                condition, delay, next.stream().map(Ref::stepId).toList(), otherwise.stream().map(Ref::stepId).toList()));
    }

    private static boolean waits(JsonNode node, Optional<StepType> type) {
        if (type.isEmpty()) {
            return false;
        }
        if (type.get() == StepType.DELAY) {
            return true;
        }
        return type.get() == StepType.ACTION && node.path("action").path("type").asText("").equals(ActionTypes.WAIT);
    }

    private static Optional<String> stepId(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> id = Values.text(node, at, problems);
        if (id.isPresent() && !id.get().matches(Automation.ID_PATTERN)) {
            problems.error(at, ProblemCode.INVALID_ID, "step id " + Values.quote(id.get()) + " must match "
                    + Automation.ID_PATTERN);
            return Optional.empty();
        }
        return id;
    }

    /** The body key of each step type; a step carries exactly its own. */
    private void checkTypeKeys(Fields fields, StepType type) {
        for (StepType other : StepType.values()) {
            String key = WireName.of(other);
            if (other == type && !fields.has(key)) {
                problems.error(fields.at(key), ProblemCode.MISSING_KEY, described(type) + " needs " + Values.quote(key));
            } else if (other != type && fields.has(key)) {
                fields.refuse(key, Values.quote(key) + " belongs to " + key + " steps; this is " + described(type));
            }
        }
        if (type != StepType.CONDITION && fields.has("elseSteps")) {
            fields.refuse("elseSteps", "\"elseSteps\" belongs to condition steps; this is " + described(type));
        }
    }

    private static String described(StepType type) {
        return (type == StepType.ACTION ? "an " : "a ") + WireName.of(type) + " step";
    }

    private List<Ref> refs(Fields fields, String key) {
        Optional<JsonNode> list = fields.optional(key);
        if (list.isEmpty()) {
            return List.of();
        }
        if (!list.get().isArray()) {
            Values.wrongType(list.get(), fields.at(key), problems, "an array of step ids");
            return List.of();
        }
        List<Ref> refs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.get().size(); i++) {
            JsonPath at = fields.at(key).index(i);
            Optional<String> id = Values.nonBlankText(list.get().get(i), at, problems);
            if (id.isPresent() && !seen.add(id.get())) {
                problems.error(at, ProblemCode.INVALID_VALUE, "step " + Values.quote(id.get())
                        + " is already listed in " + key);
            } else {
                id.ifPresent(stepId -> refs.add(new Ref(stepId, at)));
            }
        }
        return refs;
    }
}
