package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.MemberActions;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Step;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an execution did to the outside world, read from its step log and its automation's definition: one
 * effect per email, SMS, tag, field and segment change, webhook call (failed attempts included), task,
 * admin notification and completed custom action ({@code custom_action}, with the handler's output), and
 * one {@code skipped} effect per action not done for a reason of the member's. The {@code simulate} report
 * and the demo both count what happened this way.
 */
public final class Effects {
    /** Effects in report order: by time, then by execution start, then by step log order. */
    public static final Comparator<Effect> ORDER = Comparator.comparing(Effect::at)
            .thenComparing(Effect::executionStart)
            .thenComparing(Effect::executionId)
            .thenComparingInt(Effect::sequence);

    /**
     * One effect, with what it is sorted by.
     *
     * @param json the effect as the {@code simulate} report prints it: {@code at}, {@code type},
     *             {@code memberId} (when the execution has a member), {@code executionId}, {@code stepId},
     *             then the fields of its type
     */
    public record Effect(Instant at, Instant executionStart, String executionId, int sequence, ObjectNode json) {

        /** The effect's type: {@code email}, {@code webhook}, {@code skipped}, {@code custom_action}, ... */
        public String type() {
            return json.get("type").asText();
        }
    }

    private final ExecutionRecord execution;
    private final Automation automation;
    private final List<Effect> effects = new ArrayList<>();

    private Effects(ExecutionRecord execution, Automation automation) {
        this.execution = execution;
        this.automation = automation;
    }

    /** The effects of one execution, in step log order. */
    public static List<Effect> of(ExecutionRecord execution, Automation automation, List<StepLogEntry> history) {
        Effects effects = new Effects(execution, automation);
        history.forEach(effects::derive);
        return effects.effects;
    }

    private void derive(StepLogEntry entry) {
        Optional<String> actionType = automation.step(entry.stepId()).flatMap(Step::action).map(Action::type);
        if (actionType.isEmpty()) {
            return;
        }
        String type = actionType.get();
        Map<?, ?> output = entry.detail().get("output") instanceof Map<?, ?> map ? map : Map.of();
        if (entry.status() == StepStatus.SKIPPED) {
            ObjectNode skipped = effect(entry, "skipped");
            skipped.put("action", type);
            skipped.put("reason", String.valueOf(entry.detail().getOrDefault("reason", "")));
            return;
        }
        if (type.equals(BuiltInActions.WEBHOOK) && output.containsKey("url")) {
            webhook(entry, output);
            return;
        }
        if (entry.status() != StepStatus.COMPLETED) {
            return;
        }
        if (MemberActions.isMemberAction(type)) {
            memberChanges(entry, output);
            return;
        }
        switch (type) {
            case BuiltInActions.SEND_EMAIL -> copy(output, effect(entry, "email"), "templateId", "to", "subject");
            case BuiltInActions.SEND_SMS -> copy(output, effect(entry, "sms"), "to", "body");
            case BuiltInActions.CREATE_TASK -> copy(output, effect(entry, "task"), "title", "assignee", "dueAt");
            case BuiltInActions.NOTIFY_ADMIN -> copy(output, effect(entry, "admin_notification"), "message", "channel");
            default -> {
                if (!BuiltInActions.isBuiltIn(type)) {
                    ObjectNode custom = effect(entry, "custom_action");
                    custom.put("action", type);
                    custom.set("output", JsonValues.toJson(output));
                }
            }
        }
    }

    /** One effect per call, whatever it answered; a call that got no answer says why. */
    private void webhook(StepLogEntry entry, Map<?, ?> output) {
        ObjectNode call = effect(entry, "webhook");
        call.put("url", String.valueOf(output.get("url")));
        if (output.get("status") != null) {
            call.set("status", JsonValues.toJson(output.get("status")));
        }
        call.put("attempt", entry.attempt());
        entry.error().ifPresent(error -> call.put("error", error));
    }

    private void memberChanges(StepLogEntry entry, Map<?, ?> output) {
        each(output.get("addTags"), tag -> effect(entry, "tag_added").put("tag", tag));
        each(output.get("removeTags"), tag -> effect(entry, "tag_removed").put("tag", tag));
        each(output.get("addSegments"), segment -> effect(entry, "segment_added").put("segmentId", segment));
        each(output.get("removeSegments"), segment -> effect(entry, "segment_removed").put("segmentId", segment));
        if (output.get("set") instanceof Map<?, ?> set) {
            set.forEach((field, value) -> effect(entry, "field_updated").put("field", String.valueOf(field))
                    .set("value", JsonValues.toJson(value)));
        }
        each(output.get("unset"), field -> effect(entry, "field_updated").put("field", field).putNull("value"));
    }

    private static void each(Object values, Consumer<String> action) {
        if (values instanceof Collection<?> items) {
            items.forEach(item -> action.accept(String.valueOf(item)));
        }
    }

    private static void copy(Map<?, ?> output, ObjectNode effect, String... keys) {
        for (String key : keys) {
            Object value = output.get(key);
            if (value != null) {
                effect.set(key, JsonValues.toJson(value));
            }
        }
    }

    private ObjectNode effect(StepLogEntry entry, String type) {
        ObjectNode json = JsonValues.object();
        json.put("at", entry.startedAt().toString());
        json.put("type", type);
        execution.memberId().ifPresent(member -> json.put("memberId", member));
        json.put("executionId", execution.id());
        json.put("stepId", entry.stepId());
        effects.add(new Effect(entry.startedAt(), execution.createdAt(), execution.id(), entry.sequence(), json));
        return json;
    }
}
