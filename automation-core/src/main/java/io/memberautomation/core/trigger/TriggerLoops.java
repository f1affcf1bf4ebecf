package io.memberautomation.core.trigger;

import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.spi.member.Member;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds trigger loops before they run: automation A's member actions (tags, fields, segments) raise
 * change-driven triggers; when one of them enrolls A again, directly or through B, C..., saving A gets a
 * {@code trigger_loop} warning that spells the cycle out. The analysis is conservative about what it can
 * see statically: a field name built from a placeholder raises nothing it could name.
 */
public final class TriggerLoops {
    /** One trigger an action step can raise. */
    private record Raise(String stepId, String action, TriggerType type, Optional<String> field,
                         Optional<String> segmentId) {
        String describe() {
            return "step " + stepId + " (" + action + field.map(f -> " member." + f).orElse("")
                    + segmentId.map(s -> " " + s).orElse("") + ") raises " + WireName.of(type);
        }
    }

    private record Edge(Automation to, Raise raise) {}

    private final Map<String, Map<String, Set<String>>> dynamicSegmentFields = new HashMap<>();

    /** @param segments the engine's segments; a dynamic one is raised by changes of the fields its rule reads */
    public TriggerLoops(Collection<Segment> segments) {
        for (Segment segment : segments) {
            segment.conditions().ifPresent(rule -> dynamicSegmentFields
                    .computeIfAbsent(segment.organizationId(), k -> new HashMap<>())
                    .put(segment.id(), memberFieldsOf(rule)));
        }
    }

    /**
     * Warnings for the cycles through {@code candidate}.
     *
     * @param others the organization's other automations (latest versions, not archived)
     */
    public List<ValidationProblem> warnings(Automation candidate, String organizationId, Collection<Automation> others) {
        List<Automation> all = new ArrayList<>();
        all.add(candidate);
        for (Automation other : others) {
            if (!other.id().equals(candidate.id())) {
                all.add(other);
            }
        }
        Map<String, List<Edge>> edges = new HashMap<>();
        for (Automation from : all) {
            List<Edge> out = new ArrayList<>();
            for (Raise raise : raises(from, organizationId)) {
                for (Automation to : all) {
                    if (enrolls(to.trigger(), raise)) {
                        out.add(new Edge(to, raise));
                    }
                }
            }
            edges.put(from.id(), out);
        }
        List<ValidationProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Edge first : edges.get(candidate.id())) {
            List<Edge> path = pathBack(first, candidate.id(), edges);
            if (path != null && reported.add(first.raise().stepId())) {
                problems.add(new ValidationProblem(stepPath(candidate, first.raise().stepId()), ProblemCode.TRIGGER_LOOP,
                        describe(candidate, path), ValidationProblem.Severity.WARNING));
            }
        }
        return problems;
    }

    /** The shortest path of edges from {@code first} back to {@code target}, or null. */
    private static List<Edge> pathBack(Edge first, String target, Map<String, List<Edge>> edges) {
        Map<String, List<Edge>> paths = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        paths.put(first.to().id(), List.of(first));
        queue.add(first.to().id());
        while (!queue.isEmpty()) {
            String at = queue.poll();
            List<Edge> sofar = paths.get(at);
            if (at.equals(target)) {
                return sofar;
            }
            for (Edge next : edges.getOrDefault(at, List.of())) {
                if (!paths.containsKey(next.to().id())) {
                    List<Edge> longer = new ArrayList<>(sofar);
                    longer.add(next);
                    paths.put(next.to().id(), longer);
                    queue.add(next.to().id());
                }
            }
        }
        return null;
    }

    private static String describe(Automation candidate, List<Edge> path) {
        StringBuilder text = new StringBuilder("automation \"" + candidate.id() + "\" can enroll itself again: ");
        String from = candidate.id();
        for (Edge edge : path) {
            text.append(from).append(" ").append(edge.raise().describe()).append(", which enrolls ")
                    .append(edge.to().id()).append("; ");
            from = edge.to().id();
        }
        return text.append("at run time the causal-depth limit stops the cascade").toString();
    }

    private List<Raise> raises(Automation automation, String organizationId) {
        List<Raise> raises = new ArrayList<>();
        Map<String, Set<String>> segments = dynamicSegmentFields.getOrDefault(organizationId, Map.of());
        for (Step step : automation.steps()) {
            if (step.action().isEmpty()) {
                continue;
            }
            Action action = step.action().get();
            String type = action.type();
            Optional<String> changed = switch (type) {
                case "update_field" -> fieldParam(action.params().get("field"));
                case "add_tag", "remove_tag" -> Optional.of(Member.TAGS);
                case "add_to_segment", "remove_from_segment" -> Optional.of(Member.SEGMENTS);
                default -> Optional.empty();
            };
            if (changed.isEmpty()) {
                continue;
            }
            String field = changed.get();
            raises.add(new Raise(step.id(), type, TriggerType.MEMBER_UPDATED, changed, Optional.empty()));
            if (field.equals(Member.STATUS)) {
                raises.add(new Raise(step.id(), type, TriggerType.MEMBER_STATUS_CHANGED, changed, Optional.empty()));
            }
            if (type.equals("update_field")) {
                raises.add(new Raise(step.id(), type, TriggerType.ENGAGEMENT_MILESTONE, changed, Optional.empty()));
            }
            if (type.equals("add_to_segment") || type.equals("remove_from_segment")) {
                Optional<String> segment = text(action.params().get("segmentId"));
                TriggerType raised = type.equals("add_to_segment") ? TriggerType.MEMBER_JOINED_SEGMENT
                        : TriggerType.MEMBER_LEFT_SEGMENT;
                raises.add(new Raise(step.id(), type, raised, changed, segment));
            }
            segments.forEach((segmentId, reads) -> {
                if (reads.contains(field)) {
                    raises.add(new Raise(step.id(), type, TriggerType.MEMBER_JOINED_SEGMENT, changed, Optional.of(segmentId)));
                    raises.add(new Raise(step.id(), type, TriggerType.MEMBER_LEFT_SEGMENT, changed, Optional.of(segmentId)));
                }
            });
        }
        return raises;
    }

    private static boolean enrolls(Trigger trigger, Raise raise) {
        if (trigger.type() != raise.type()) {
            return false;
        }
        return switch (raise.type()) {
            case MEMBER_UPDATED -> trigger.fields().isEmpty() || trigger.fields().contains(raise.field().orElse(""));
            case MEMBER_JOINED_SEGMENT, MEMBER_LEFT_SEGMENT -> trigger.segmentId().equals(raise.segmentId());
            case ENGAGEMENT_MILESTONE -> trigger.milestone().map(m -> m.field().head()).equals(raise.field());
            default -> true;
        };
    }

    private static Optional<String> fieldParam(Object value) {
        return text(value).filter(f -> !f.contains("{{")).flatMap(FieldPath::tryParse)
                .filter(path -> path.root() == FieldPath.Root.MEMBER).map(FieldPath::head);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Set<String> memberFieldsOf(ConditionGroup group) {
        Set<String> fields = new HashSet<>();
        ArrayDeque<ConditionNode> todo = new ArrayDeque<>(group.conditions());
        while (!todo.isEmpty()) {
            ConditionNode node = todo.poll();
            if (node instanceof ConditionGroup inner) {
                todo.addAll(inner.conditions());
            } else if (node instanceof Condition leaf && leaf.field().root() == FieldPath.Root.MEMBER) {
                fields.add(leaf.op() == Operator.HAS_TAG ? Member.TAGS : leaf.field().head());
            }
        }
        return fields;
    }

    private static String stepPath(Automation automation, String stepId) {
        for (int i = 0; i < automation.steps().size(); i++) {
            if (automation.steps().get(i).id().equals(stepId)) {
                return "$.steps[" + i + "].action";
            }
        }
        return "$";
    }
}
