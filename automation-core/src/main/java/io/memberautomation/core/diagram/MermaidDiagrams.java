package io.memberautomation.core.diagram;

import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.StepType;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.WireName;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws an automation as a Mermaid flowchart, so a host can show its users a picture: the trigger on top,
 * conditions as decisions with yes/no edges, delays labelled with their wait, parallel branches as
 * numbered edges out of one step, and every branch end joined to one end node.
 */
public final class MermaidDiagrams {
    private static final int MAX_LABEL = 120;

    private MermaidDiagrams() {}

    /** The flowchart text, to be put in a {@code ```mermaid} block. */
    public static String flowchart(Automation automation) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < automation.steps().size(); i++) {
            ids.put(automation.steps().get(i).id(), "s" + i);
        }
        StringBuilder out = new StringBuilder("flowchart TD\n");
        out.append("  trigger([\"").append(escape(trigger(automation.trigger()))).append("\"])\n");
        out.append("  trigger --> ").append(ids.get(automation.entry().id())).append('\n');
        boolean ends = false;
        for (Step step : automation.steps()) {
            String id = ids.get(step.id());
            out.append("  ").append(node(id, step)).append('\n');
            if (step.type() == StepType.CONDITION) {
                ends |= edges(out, id, step.nextSteps(), "yes", ids);
                ends |= edges(out, id, step.elseSteps(), "no", ids);
            } else if (step.nextSteps().size() > 1) {
                for (int i = 0; i < step.nextSteps().size(); i++) {
                    out.append("  ").append(id).append(" -- \"branch ").append(i + 1).append("\" --> ")
                            .append(ids.get(step.nextSteps().get(i))).append('\n');
                }
            } else if (step.nextSteps().size() == 1) {
                out.append("  ").append(id).append(" --> ").append(ids.get(step.nextSteps().get(0))).append('\n');
            } else {
                out.append("  ").append(id).append(" --> done\n");
                ends = true;
            }
        }
        if (ends) {
            out.append("  done((end))\n");
        }
        return out.toString();
    }

    /** Edges of one condition outcome; an empty outcome ends the branch. Returns whether it did. */
    private static boolean edges(StringBuilder out, String from, List<String> targets, String label,
                                 Map<String, String> ids) {
        if (targets.isEmpty()) {
            out.append("  ").append(from).append(" -- ").append(label).append(" --> done\n");
            return true;
        }
        for (String target : targets) {
            out.append("  ").append(from).append(" -- ").append(label).append(" --> ").append(ids.get(target))
                    .append('\n');
        }
        return false;
    }

    private static String node(String id, Step step) {
        return switch (step.type()) {
            case CONDITION -> id + "{\"" + escape(step.id() + ": " + condition(step.condition().orElseThrow())) + "\"}";
            case DELAY -> id + "[/\"" + escape(step.id() + ": wait " + delay(step.delay().orElseThrow())) + "\"/]";
            case ACTION -> {
                Action action = step.action().orElseThrow();
                String shape = action.type().equals("wait") ? "[/\"" : "[\"";
                String close = action.type().equals("wait") ? "\"/]" : "\"]";
                yield id + shape + escape(step.id() + ": " + action(action)) + close;
            }
        };
    }

    private static String trigger(Trigger trigger) {
        String text = WireName.of(trigger.type());
        if (trigger.schedule().isPresent()) {
            Schedule schedule = trigger.schedule().get();
            text += schedule instanceof Schedule.Cron cron ? " " + cron.cron()
                    : " " + ((Schedule.DateBased) schedule).dateField()
                      + ((Schedule.DateBased) schedule).offset().map(o -> " " + o).orElse("");
        }
        if (trigger.segmentId().isPresent()) {
            text += " " + trigger.segmentId().get();
        }
        return text;
    }

    private static String action(Action action) {
        Object detail = switch (action.type()) {
            case "send_email", "send_sms" -> action.params().getOrDefault("templateId", "");
            case "add_tag", "remove_tag" -> action.params().getOrDefault("tag", "");
            case "update_field" -> action.params().getOrDefault("field", "");
            case "add_to_segment", "remove_from_segment" -> action.params().getOrDefault("segmentId", "");
            case "webhook" -> action.params().getOrDefault("method", "POST") + " " + action.params().getOrDefault("url", "");
            case "create_task" -> action.params().getOrDefault("title", "");
            case "wait" -> action.params().getOrDefault("duration", "until date");
            default -> "";
        };
        String retry = switch (action.onError()) {
            case RETRY -> " (retry x" + action.retryCount() + ")";
            case CONTINUE -> " (continue on error)";
            case STOP -> "";
        };
        return (action.type() + " " + detail).trim() + retry;
    }

    private static String delay(Delay delay) {
        String text = delay.duration().map(Object::toString).orElseGet(() -> {
            var until = delay.until().orElseThrow();
            return "until " + until.field() + until.offset().map(o -> " " + o).orElse("");
        });
        return text + delay.at().map(at -> " at " + at).orElse("");
    }

    static String condition(ConditionNode node) {
        if (node instanceof Condition leaf) {
            String field = leaf.field().toString().startsWith("member.") ? leaf.field().head() : leaf.field().toString();
            return field + " " + WireName.of(leaf.op()) + leaf.value().map(v -> " " + operand(v)).orElse("");
        }
        ConditionGroup group = (ConditionGroup) node;
        String joiner = group.operator() == GroupOperator.AND ? " AND " : " OR ";
        String inner = group.conditions().stream().map(c -> c instanceof ConditionGroup g && g.conditions().size() > 1
                ? "(" + condition(c) + ")" : condition(c)).collect(Collectors.joining(joiner));
        return group.negate() ? "NOT (" + inner + ")" : inner;
    }

    private static String operand(Operand operand) {
        if (operand instanceof Operand.FieldRef ref) {
            return ref.path().toString();
        }
        if (operand instanceof Operand.Relative relative) {
            return "today+" + relative.offset();
        }
        Object value = ((Operand.Literal) operand).value();
        if (value instanceof List<?> list) {
            return list.stream().map(o -> operand((Operand) o)).collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    /** Mermaid labels in quotes: quotes become entities, line breaks spaces; long labels are cut. */
    private static String escape(String label) {
        String flat = label.replace("\"", "#quot;").replace('\n', ' ').replace('\r', ' ');
        return flat.length() > MAX_LABEL ? flat.substring(0, MAX_LABEL - 1) + "…" : flat;
    }
}
