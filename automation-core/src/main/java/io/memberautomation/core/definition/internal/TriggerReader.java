package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Milestone;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the trigger: its type decides which of fields, segmentId, milestone and schedule belong to it. */
final class TriggerReader {

    static final List<String> KEYS = List.of("type", "conditions", "fields", "segmentId", "milestone", "schedule");

    private final ReadContext context;
    private final Problems problems;

    TriggerReader(ReadContext context) {
        this.context = context;
        this.problems = context.problems;
    }

    Optional<Trigger> read(JsonNode node, JsonPath at) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "the trigger", KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<TriggerType> type = fields.requiredEnum("type", TriggerType.class);
        type.ifPresent(t -> checkTypeKeys(fields, t));
        Optional<ConditionGroup> conditions = fields.optional("conditions")
                .flatMap(json -> new ConditionReader(context).readTree(json, fields.at("conditions")));
        // a key that does not belong to the type was refused above; reading it too would only add noise
        boolean anyType = type.isEmpty();
        TriggerType kind = type.orElse(TriggerType.MANUAL);
        List<String> changed = anyType || kind == TriggerType.MEMBER_UPDATED
                ? fields.optionalList("fields", TriggerReader::memberField).orElse(List.of()) : List.of();
        Optional<String> segmentId = anyType || kind.isSegmentTrigger()
                ? fields.optionalText("segmentId") : Optional.empty();
        Optional<Milestone> milestone = anyType || kind == TriggerType.ENGAGEMENT_MILESTONE
                ? fields.optional("milestone", this::milestone) : Optional.empty();
        Optional<Schedule> schedule = anyType || kind == TriggerType.SCHEDULED
                ? fields.optional("schedule", ScheduleReader::read) : Optional.empty();
        return Models.build(problems, at, before, () -> new Trigger(type.orElseThrow(), conditions, changed,
                segmentId, milestone, schedule));
    }

    private void checkTypeKeys(Fields fields, TriggerType type) {
        String name = WireName.of(type);
        requiredIff(fields, "schedule", type == TriggerType.SCHEDULED, "scheduled triggers", name);
        requiredIff(fields, "segmentId", type.isSegmentTrigger(),
                "member_joined_segment and member_left_segment triggers", name);
        requiredIff(fields, "milestone", type == TriggerType.ENGAGEMENT_MILESTONE, "engagement_milestone triggers", name);
        if (fields.has("fields") && type != TriggerType.MEMBER_UPDATED) {
            fields.refuse("fields", "\"fields\" applies only to member_updated triggers, not " + name);
        }
    }

    private void requiredIff(Fields fields, String key, boolean belongs, String owners, String type) {
        if (belongs && !fields.has(key)) {
            problems.error(fields.at(key), ProblemCode.MISSING_KEY, "a " + type + " trigger needs " + Values.quote(key));
        } else if (!belongs && fields.has(key)) {
            fields.refuse(key, Values.quote(key) + " applies only to " + owners + ", not " + type);
        }
    }

    /**
     * A changed-field filter names a member field: {@code email}, or {@code member.email} which is read
     * as {@code email}, so that routing compares one form.
     */
    private static Optional<String> memberField(JsonNode node, JsonPath at, Problems problems) {
        Optional<String> text = Values.nonBlankText(node, at, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String name = text.get().startsWith("member.") ? text.get().substring("member.".length()) : text.get();
        Optional<FieldPath> path = FieldPath.tryParse("member." + name);
        boolean otherRoot = FieldPath.tryParse(text.get()).filter(p -> p.root() != FieldPath.Root.MEMBER).isPresent();
        if (path.isEmpty() || otherRoot) {
            problems.error(at, ProblemCode.INVALID_FIELD_PATH, Values.quote(text.get())
                    + " is not a member field name (such as \"email\" or \"member.email\")");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private Optional<Milestone> milestone(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a milestone", List.of("field", "thresholds"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<FieldPath> field = fields.requiredMemberPath("field");
        List<BigDecimal> thresholds = new ArrayList<>();
        fields.required("thresholds").ifPresent(json -> thresholds(json, fields.at("thresholds"), thresholds));
        return Models.build(problems, at, before, () -> new Milestone(field.orElseThrow(), thresholds));
    }

    private void thresholds(JsonNode json, JsonPath at, List<BigDecimal> out) {
        if (!json.isArray()) {
            Values.wrongType(json, at, problems, "an array of numbers");
            return;
        }
        if (json.isEmpty()) {
            problems.error(at, ProblemCode.INVALID_VALUE, "a milestone needs at least one threshold");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            Optional<BigDecimal> threshold = Values.number(json.get(i), at.index(i), problems);
            if (threshold.isPresent() && !out.isEmpty() && threshold.get().compareTo(out.get(out.size() - 1)) <= 0) {
                problems.error(at.index(i), ProblemCode.INVALID_VALUE, "thresholds must increase: "
                        + threshold.get() + " is not above " + out.get(out.size() - 1));
            }
            threshold.ifPresent(out::add);
        }
    }
}
