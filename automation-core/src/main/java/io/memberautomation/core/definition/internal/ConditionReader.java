package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.WireName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads condition trees. A node with {@code conditions} is a group; any other node is a leaf
 * ({@code field}, {@code op}, {@code value}, {@code ignoreCase}).
 */
final class ConditionReader {

    static final List<String> GROUP_KEYS = List.of("operator", "negate", "conditions");
    static final List<String> LEAF_KEYS = List.of("field", "op", "value", "ignoreCase");
    /** {@code has_tag} without a field asks about the member's tags. */
    static final FieldPath DEFAULT_TAG_FIELD = FieldPath.parse("member.tags");

    private final ReadContext context;
    private final Problems problems;
    private final OperandReader operands;

    ConditionReader(ReadContext context) {
        this.context = context;
        this.problems = context.problems;
        this.operands = new OperandReader(context);
    }

    /** Reads a whole tree, whose root must be a group, within the condition count limit. */
    Optional<ConditionGroup> readTree(JsonNode node, JsonPath at) {
        if (node.isObject() && !node.has("conditions") && (node.has("field") || node.has("op"))) {
            problems.error(at, ProblemCode.INVALID_TYPE, "expected a condition group; wrap a single condition"
                    + " as { \"conditions\": [ ... ] }");
            return Optional.empty();
        }
        int count = count(node);
        if (count > context.limits.maxConditions()) {
            problems.error(at, ProblemCode.TOO_MANY_CONDITIONS, "the condition tree has " + count
                    + " conditions, more than the limit of " + context.limits.maxConditions());
            return Optional.empty();
        }
        return group(node, at, 1);
    }

    /** Counts groups and leaves without recursion, so counting a hostile tree cannot overflow the stack. */
    private static int count(JsonNode root) {
        int count = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            count++;
            JsonNode children = node.isObject() ? node.get("conditions") : null;
            if (children != null && children.isArray()) {
                children.forEach(pending::push);
            }
        }
        return count;
    }

    private Optional<? extends ConditionNode> node(JsonNode node, JsonPath at, int depth) {
        if (node.isObject() && node.has("conditions")) {
            return group(node, at, depth);
        }
        if (node.isObject() && !node.has("field") && !node.has("op") && node.size() == 0) {
            problems.error(at, ProblemCode.MISSING_KEY, "an empty condition: a leaf needs \"field\" and \"op\","
                    + " a group needs \"conditions\"");
            return Optional.empty();
        }
        return leaf(node, at);
    }

    private Optional<ConditionGroup> group(JsonNode node, JsonPath at, int depth) {
        if (depth > context.limits.maxNestingDepth()) {
            problems.error(at, ProblemCode.TOO_DEEP, "condition groups nest deeper than "
                    + context.limits.maxNestingDepth());
            return Optional.empty();
        }
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a condition group", GROUP_KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        GroupOperator operator = fields.optionalEnum("operator", GroupOperator.class).orElse(GroupOperator.AND);
        boolean negate = fields.optional("negate", Values::bool).orElse(false);
        List<ConditionNode> members = new ArrayList<>();
        fields.required("conditions").ifPresent(conditions -> {
            if (!conditions.isArray()) {
                Values.wrongType(conditions, fields.at("conditions"), problems, "an array");
                return;
            }
            for (int i = 0; i < conditions.size(); i++) {
                node(conditions.get(i), fields.at("conditions").index(i), depth + 1).ifPresent(members::add);
            }
        });
        return Models.build(problems, at, before, () -> new ConditionGroup(operator, negate, members));
    }

    private Optional<Condition> leaf(JsonNode node, JsonPath at) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a condition", LEAF_KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<Operator> op = fields.requiredEnum("op", Operator.class);
        Optional<FieldPath> field = op.filter(o -> o == Operator.HAS_TAG && !fields.has("field")).isPresent()
                ? Optional.of(DEFAULT_TAG_FIELD)
                : fields.required("field", Values::fieldPath);
        field.filter(f -> f.root() == FieldPath.Root.STEPS)
                .ifPresent(f -> context.referToStepOutput(f.head(), fields.at("field")));
        Optional<Operand> value = fields.optional("value",
                (json, path, p) -> operands.read(json, path, false));
        boolean ignoreCase = fields.optional("ignoreCase", Values::bool).orElse(false);
        op.ifPresent(o -> checkFit(fields, o, field, value, ignoreCase));
        return Models.build(problems, at, before,
                () -> new Condition(field.orElseThrow(), op.orElseThrow(), value, ignoreCase));
    }

    private void checkFit(Fields fields, Operator op, Optional<FieldPath> field, Optional<Operand> value,
                          boolean ignoreCase) {
        String name = WireName.of(op);
        if (op.isUnary() && fields.has("value")) {
            problems.error(fields.at("value"), ProblemCode.OPERATOR_VALUE_MISMATCH, name + " takes no value");
        } else if (!op.isUnary() && !fields.has("value")) {
            problems.error(fields.at("value"), ProblemCode.MISSING_KEY, "missing required key \"value\": " + name
                    + " compares with a value");
        }
        value.ifPresent(v -> {
            if (!op.isUnary()) {
                OperatorFit.check(op, v, fields.at("value"), problems);
            }
        });
        if (ignoreCase && !op.isStringOperator()) {
            problems.error(fields.at("ignoreCase"), ProblemCode.OPERATOR_VALUE_MISMATCH,
                    "ignoreCase applies to string comparisons, not " + name);
        }
        if ((op == Operator.CHANGED || op == Operator.CHANGED_TO)
                && field.isPresent() && field.get().root() != FieldPath.Root.MEMBER) {
            problems.error(fields.at("field"), ProblemCode.OPERATOR_VALUE_MISMATCH, name
                    + " compares a member.* field with its previous.* value; " + Values.quote(field.get().toString())
                    + " is not a member field");
        }
    }
}
