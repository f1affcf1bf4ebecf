package io.memberautomation.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupsTest {
    private static final Condition TRUE_LEAF = Condition.of("member.a", Operator.IS_SET);
    private static final Condition FALSE_LEAF = Condition.of("member.zzz", Operator.IS_SET);
    private static final EvaluationContext CTX = Eval.utc().context(Map.of("a", 1)).build();

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments(GroupOperator.AND, false, List.of(), true),
                arguments(GroupOperator.OR, false, List.of(), false),
                arguments(GroupOperator.AND, true, List.of(), false),
                arguments(GroupOperator.OR, true, List.of(), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.AND, false, List.of(FALSE_LEAF, TRUE_LEAF), false),
                arguments(GroupOperator.AND, true, List.of(TRUE_LEAF, FALSE_LEAF), true),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.OR, true, List.of(FALSE_LEAF, TRUE_LEAF), false),
                arguments(GroupOperator.OR, false, List.of(ConditionGroup.and(TRUE_LEAF, FALSE_LEAF), TRUE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(ConditionGroup.or(FALSE_LEAF).negated(), TRUE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(ConditionGroup.and(), ConditionGroup.or().negated()), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF), true),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF), false),
                arguments(GroupOperator.AND, true, List.of(TRUE_LEAF), false),
                arguments(GroupOperator.OR, true, List.of(FALSE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, TRUE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, TRUE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, FALSE_LEAF, TRUE_LEAF), false),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF, FALSE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF, FALSE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.OR, true, List.of(FALSE_LEAF, TRUE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, TRUE_LEAF, TRUE_LEAF, TRUE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.AND, false, List.of(TRUE_LEAF, TRUE_LEAF, TRUE_LEAF, TRUE_LEAF, FALSE_LEAF), false),
                arguments(GroupOperator.OR, false, List.of(FALSE_LEAF, FALSE_LEAF, FALSE_LEAF, FALSE_LEAF, TRUE_LEAF), true),
                arguments(GroupOperator.OR, true, List.of(FALSE_LEAF, FALSE_LEAF, FALSE_LEAF, FALSE_LEAF), true));
    }

    @ParameterizedTest(name = "{0} negate={1} over {2} -> {3}")
    @MethodSource("rows")
    void group_whenChildrenCombine_appliesOperatorThenNegate(GroupOperator operator, boolean negate,
                                                             List<ConditionNode> children, boolean expected) {
        assertThat(Eval.test(new ConditionGroup(operator, negate, children), CTX)).isEqualTo(expected);
    }

    @Test
    void group_whenMissingFieldLeafIsNegated_isTrue() {
        ConditionGroup notGold = ConditionGroup.or(
                Condition.of("member.tier", Operator.EQ, Operand.Literal.of("gold"))).negated();
        assertThat(Eval.test(notGold, CTX)).isTrue();
    }

    @Test
    void compiled_whenSharedBetweenThreads_givesTheSameAnswers() throws InterruptedException {
        CompiledCondition compiled = Conditions.compile(ConditionGroup.and(
                Condition.of("member.renewal", Operator.EQ, Eval.relative("P7D"))));
        boolean[] results = new boolean[8];
        Thread[] threads = new Thread[results.length];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            String now = "2026-01-2" + (index % 2) + "T10:00:00Z";
            threads[i] = new Thread(() -> {
                boolean all = true;
                for (int round = 0; round < 2_000; round++) {
                    EvaluationContext ctx = Eval.at(now, "UTC").context(Map.of("renewal", "2026-01-27")).build();
                    all &= compiled.test(ctx) == (index % 2 == 0);
                }
                results[index] = all;
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsOnly(true);
    }
}
