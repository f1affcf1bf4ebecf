package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Enrollment;
import io.memberautomation.core.model.EnrollmentPolicy;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.Trigger;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a whole automation document, then checks its step graph. */
final class AutomationReader {

    static final List<String> KEYS = List.of("id", "organizationId", "name", "version", "status", "trigger",
            "enrollment", "exitWhen", "timezone", "maxSteps", "steps");

    private final ReadContext context;
    private final Problems problems;

    AutomationReader(ReadContext context) {
        this.context = context;
        this.problems = context.problems;
    }

    Optional<Automation> read(JsonNode root) {
        JsonPath at = JsonPath.ROOT;
        if (!root.isObject()) {
            problems.error(at, ProblemCode.INVALID_TYPE, "expected an object (the automation), got "
                    + Values.describe(root));
            return Optional.empty();
        }
        Optional<Fields> opened = Fields.open(root, at, problems, "the automation", KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> id = fields.required("id", AutomationReader::automationId);
        Optional<String> organizationId = fields.optionalText("organizationId");
        Optional<String> name = fields.requiredText("name");
        int version = fields.optional("version", Values::integer).orElse(0);
        if (version < 0) {
            problems.error(fields.at("version"), ProblemCode.INVALID_VALUE, "version must not be negative: " + version);
        }
        AutomationStatus status = fields.optionalEnum("status", AutomationStatus.class).orElse(AutomationStatus.DRAFT);
        Optional<Trigger> trigger = fields.required("trigger")
                .flatMap(json -> new TriggerReader(context).read(json, fields.at("trigger")));
        Enrollment enrollment = fields.optional("enrollment", AutomationReader::enrollment).orElse(Enrollment.DEFAULT);
        Optional<ConditionGroup> exitWhen = fields.optional("exitWhen")
                .flatMap(json -> new ConditionReader(context).readTree(json, fields.at("exitWhen")));
        Optional<ZoneId> timezone = fields.optional("timezone", Values::zone);
        int maxSteps = fields.optional("maxSteps", Values::integer).orElse(Automation.DEFAULT_MAX_STEPS);
        if (maxSteps < 1) {
            problems.error(fields.at("maxSteps"), ProblemCode.INVALID_VALUE, "maxSteps must be at least 1: " + maxSteps);
        }
        List<Step> steps = fields.required("steps").map(json -> steps(json, fields.at("steps"))).orElse(List.of());
        return Models.build(problems, at, 0, () -> new Automation(id.orElseThrow(), organizationId,
                name.orElseThrow(), version, status, trigger.orElseThrow(), enrollment, exitWhen, timezone, maxSteps,
                steps));
    }

    private List<Step> steps(JsonNode json, JsonPath at) {
        if (!json.isArray()) {
            Values.wrongType(json, at, problems, "an array of steps");
            return List.of();
        }
        if (json.isEmpty()) {
            problems.error(at, ProblemCode.INVALID_VALUE, "an automation needs at least one step");
            return List.of();
        }
        if (json.size() > context.limits.maxSteps()) {
            problems.error(at, ProblemCode.TOO_MANY_STEPS, "the automation has " + json.size()
                    + " steps, more than the limit of " + context.limits.maxSteps());
            return List.of();
        }
        StepReader reader = new StepReader(context);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            reader.read(json.get(i), at.index(i)).ifPresent(steps::add);
        }
        StepGraph.check(reader.infos(), context.stepOutputRefs(), problems);
        return steps;
    }

    private static Optional<String> automationId(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> id = Values.text(node, at, problems);
        if (id.isPresent() && !id.get().matches(Automation.ID_PATTERN)) {
            problems.error(at, ProblemCode.INVALID_ID, "automation id " + Values.quote(id.get()) + " must match "
                    + Automation.ID_PATTERN);
            return Optional.empty();
        }
        return id;
    }

    private static Optional<Enrollment> enrollment(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "the enrollment", List.of("policy", "cooldown"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        EnrollmentPolicy policy = opened.get().optionalEnum("policy", EnrollmentPolicy.class)
                .orElse(EnrollmentPolicy.ONE_AT_A_TIME);
        Optional<IsoDuration> cooldown = opened.get().optionalDuration("cooldown", false);
        return Models.build(problems, at, before, () -> new Enrollment(policy, cooldown));
    }
}
