package io.memberautomation.benchmarks;

import io.memberautomation.core.condition.CompiledCondition;
import io.memberautomation.core.condition.Conditions;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Many differently shaped conditions over the benchmark's member fields: every operator, groups of 1 to 5. */
final class ConditionShapes {
    private static final String[] FIELDS = {"status", "tier", "lifetime_value", "renewal_date", "email"};

    private ConditionShapes() {}

    static List<CompiledCondition> compileAll() {
        Random random = new Random(42);
        List<CompiledCondition> compiled = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            compiled.add(Conditions.compile(group(random, 2)));
        }
        return compiled;
    }

    private static ConditionGroup group(Random random, int depth) {
        int size = 1 + random.nextInt(5);
        List<ConditionNode> children = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            children.add(depth > 0 && random.nextInt(4) == 0 ? group(random, depth - 1) : leaf(random));
        }
        return new ConditionGroup(random.nextBoolean() ? GroupOperator.AND : GroupOperator.OR, random.nextInt(5) == 0,
                children);
    }

    private static Condition leaf(Random random) {
        Operator op = Operator.values()[random.nextInt(Operator.values().length)];
        FieldPath field = FieldPath.parse("member." + FIELDS[random.nextInt(FIELDS.length)]);
        Optional<Operand> value = switch (op) {
            case IS_SET, IS_NOT_SET, IS_EMPTY, IS_NOT_EMPTY, CHANGED -> Optional.empty();
            case BETWEEN -> Optional.of(random.nextBoolean()
                    ? Operand.Literal.list(Operand.Literal.of(100), Operand.Literal.of(1000))
                    : Operand.Literal.list(relative("-P1D"), Operand.Literal.of("2026-12-31")));
            case IN, NOT_IN -> Optional.of(Operand.Literal.list(Operand.Literal.of("gold"), Operand.Literal.of(640)));
            case MATCHES -> Optional.of(Operand.Literal.of("^a.*e$"));
            case STARTS_WITH, ENDS_WITH, HAS_TAG, CONTAINS, NOT_CONTAINS -> Optional.of(Operand.Literal.of("act"));
            default -> Optional.of(scalar(random));
        };
        return new Condition(field, op, value, op.isStringOperator() && random.nextBoolean());
    }

    private static Operand scalar(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Operand.Literal.of("active");
            case 1 -> Operand.Literal.of(500);
            case 2 -> Operand.Literal.of(true);
            case 3 -> relative("P7D");
            default -> new Operand.FieldRef(FieldPath.parse("member.tier"));
        };
    }

    private static Operand relative(String duration) {
        return new Operand.Relative(IsoDuration.parse(duration));
    }
}
