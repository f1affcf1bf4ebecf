package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nesting depth of a model's condition trees, measured without recursion. A model built in code is not
 * bounded by a parser, and writing it (which recurses) must not be what overflows the stack.
 */
final class ModelDepth {
    private ModelDepth() {}

    /** Above this a tree is refused by the writer too: far beyond any real automation, and within what Jackson writes. */
    static final int WRITABLE_DEPTH = 400;

    /** Reports {@code too_deep} at the JSON path of every tree deeper than {@code max} groups. */
    static void check(Automation automation, int max, Problems problems) {
        trees(automation).forEach((path, tree) -> {
            int depth = depth(tree);
            if (depth > max) {
                problems.error(path, ProblemCode.TOO_DEEP, "condition groups nest " + depth + " deep, more than "
                        + max);
            }
        });
    }

    /** @throws IllegalArgumentException when a tree is too deep to write */
    static void requireWritable(Automation automation) {
        trees(automation).forEach((path, tree) -> {
            if (depth(tree) > WRITABLE_DEPTH) {
                throw new IllegalArgumentException("the condition tree at " + path + " nests deeper than "
                        + WRITABLE_DEPTH + " groups");
            }
        });
    }

    private static Map<JsonPath, ConditionGroup> trees(Automation automation) {
        Map<JsonPath, ConditionGroup> trees = new LinkedHashMap<>();
        automation.trigger().conditions().ifPresent(t -> trees.put(JsonPath.ROOT.key("trigger").key("conditions"), t));
        automation.exitWhen().ifPresent(t -> trees.put(JsonPath.ROOT.key("exitWhen"), t));
        for (int i = 0; i < automation.steps().size(); i++) {
            JsonPath at = JsonPath.ROOT.key("steps").index(i).key("condition");
            automation.steps().get(i).condition().ifPresent(t -> trees.put(at, t));
        }
        return trees;
    }

    private static int depth(ConditionGroup root) {
        int deepest = 0;
        Deque<Map.Entry<ConditionNode, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            Map.Entry<ConditionNode, Integer> next = pending.pop();
            if (next.getKey() instanceof ConditionGroup group) {
                deepest = Math.max(deepest, next.getValue());
                group.conditions().forEach(member -> pending.push(Map.entry(member, next.getValue() + 1)));
            }
        }
        return deepest;
    }
}
