package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.Enrollment;
import io.memberautomation.core.model.Milestone;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.RetryPolicy;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.WireName;

import java.util.List;

/**
 * Writes the model as the format's JSON, keys in the order the format lists them. Empty optionals are
 * left out, and so are defaults that add nothing for a reader (version 0, maxSteps 1000, retryCount 3);
 * status, enrollment and group operators are always written because people look for them.
 */
public final class AutomationWriter {
    private AutomationWriter() {}

    /** @throws IllegalArgumentException when a condition tree nests too deep to write */
    public static String write(Automation automation) {
        return Json.pretty(toJson(automation));
    }

    /** @throws IllegalArgumentException when a condition tree nests too deep to write */
    public static ObjectNode toJson(Automation automation) {
        ModelDepth.requireWritable(automation);
        ObjectNode json = Json.NODES.objectNode();
        json.put("id", automation.id());
        automation.organizationId().ifPresent(org -> json.put("organizationId", org));
        json.put("name", automation.name());
        if (automation.version() != 0) {
            json.put("version", automation.version());
        }
        json.put("status", WireName.of(automation.status()));
        json.set("trigger", trigger(automation.trigger()));
        json.set("enrollment", enrollment(automation.enrollment()));
        automation.exitWhen().ifPresent(exit -> json.set("exitWhen", group(exit)));
        automation.timezone().ifPresent(zone -> json.put("timezone", zone.getId()));
        if (automation.maxSteps() != Automation.DEFAULT_MAX_STEPS) {
            json.put("maxSteps", automation.maxSteps());
        }
        ArrayNode steps = json.putArray("steps");
        automation.steps().forEach(step -> steps.add(step(step)));
        return json;
    }

    private static ObjectNode trigger(Trigger trigger) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("type", WireName.of(trigger.type()));
        trigger.conditions().ifPresent(conditions -> json.set("conditions", group(conditions)));
        if (!trigger.fields().isEmpty()) {
            strings(json.putArray("fields"), trigger.fields());
        }
        trigger.segmentId().ifPresent(segment -> json.put("segmentId", segment));
        trigger.milestone().ifPresent(milestone -> json.set("milestone", milestone(milestone)));
        trigger.schedule().ifPresent(schedule -> json.set("schedule", schedule(schedule)));
        return json;
    }

    private static ObjectNode milestone(Milestone milestone) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("field", milestone.field().toString());
        ArrayNode thresholds = json.putArray("thresholds");
        milestone.thresholds().forEach(threshold -> thresholds.add(Json.toNode(threshold)));
        return json;
    }

    private static ObjectNode schedule(Schedule schedule) {
        ObjectNode json = Json.NODES.objectNode();
        if (schedule instanceof Schedule.Cron cron) {
            json.put("cron", cron.cron());
            cron.timezone().ifPresent(zone -> json.put("timezone", zone.getId()));
            json.put("audience", WireName.of(cron.audience()));
            json.put("misfire", WireName.of(cron.misfire()));
        } else if (schedule instanceof Schedule.DateBased date) {
            json.put("dateField", date.dateField().toString());
            date.offset().ifPresent(offset -> json.put("offset", offset.toString()));
            date.at().ifPresent(time -> json.put("at", time.toString()));
            date.timezone().ifPresent(zone -> json.put("timezone", zone.toString()));
        }
        return json;
    }

    private static ObjectNode enrollment(Enrollment enrollment) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("policy", WireName.of(enrollment.policy()));
        enrollment.cooldown().ifPresent(cooldown -> json.put("cooldown", cooldown.toString()));
        return json;
    }

    private static ObjectNode step(Step step) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("id", step.id());
        json.put("type", WireName.of(step.type()));
        step.action().ifPresent(action -> json.set("action", action(action)));
        step.condition().ifPresent(condition -> json.set("condition", group(condition)));
        step.delay().ifPresent(delay -> json.set("delay", delay(delay)));
        if (!step.nextSteps().isEmpty()) {
            strings(json.putArray("nextSteps"), step.nextSteps());
        }
        if (!step.elseSteps().isEmpty()) {
            strings(json.putArray("elseSteps"), step.elseSteps());
        }
        return json;
    }

    private static ObjectNode action(Action action) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("type", action.type());
        json.set("params", Json.toNode(action.params()));
        if (action.onError() != OnError.STOP) {
            json.put("onError", WireName.of(action.onError()));
        }
        if (action.retryCount() != Action.DEFAULT_RETRY_COUNT) {
            json.put("retryCount", action.retryCount());
        }
        action.retry().ifPresent(retry -> json.set("retry", retry(retry)));
        return json;
    }

    private static ObjectNode retry(RetryPolicy retry) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("initialInterval", retry.initialInterval().toString());
        json.put("backoffCoefficient", retry.backoffCoefficient());
        json.put("maxInterval", retry.maxInterval().toString());
        return json;
    }

    private static ObjectNode delay(Delay delay) {
        ObjectNode json = Json.NODES.objectNode();
        delay.duration().ifPresent(duration -> json.put("duration", duration.toString()));
        delay.until().ifPresent(until -> {
            ObjectNode target = json.putObject("until");
            target.put("field", until.field().toString());
            until.offset().ifPresent(offset -> target.put("offset", offset.toString()));
        });
        delay.at().ifPresent(time -> json.put("at", time.toString()));
        delay.timezone().ifPresent(zone -> json.put("timezone", zone.toString()));
        return json;
    }

    private static JsonNode node(ConditionNode node) {
        return node instanceof ConditionGroup group ? group(group) : condition((Condition) node);
    }

    private static ObjectNode group(ConditionGroup group) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("operator", WireName.of(group.operator()));
        if (group.negate()) {
            json.put("negate", true);
        }
        ArrayNode conditions = json.putArray("conditions");
        group.conditions().forEach(member -> conditions.add(node(member)));
        return json;
    }

    private static ObjectNode condition(Condition condition) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("field", condition.field().toString());
        json.put("op", WireName.of(condition.op()));
        condition.value().ifPresent(value -> json.set("value", operand(value)));
        if (condition.ignoreCase()) {
            json.put("ignoreCase", true);
        }
        return json;
    }

    private static JsonNode operand(Operand operand) {
        if (operand instanceof Operand.FieldRef ref) {
            return Json.NODES.objectNode().put("field", ref.path().toString());
        }
        if (operand instanceof Operand.Relative relative) {
            return Json.NODES.objectNode().put("relative", relative.offset().toString());
        }
        Object value = ((Operand.Literal) operand).value();
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            list.forEach(element -> array.add(operand((Operand) element)));
            return array;
        }
        return Json.toNode(value);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
