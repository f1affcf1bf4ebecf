package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeOperatorsTest {

    static Stream<Arguments> changedRows() {
        return Stream.of(
                arguments(ABSENT, ABSENT, false),
                arguments(null, ABSENT, false),
                arguments("lapsed", "active", true),
                arguments("active", "active", false),
                arguments("active", ABSENT, true),
                arguments("active", null, true),
                arguments(ABSENT, "active", true),
                arguments(5, 5.0, false),
                arguments("5", 5, false),
                arguments(5, 6, true),
                arguments("Gold", "gold", true),
                arguments(LocalDate.parse("2026-01-20"), "2026-01-20", false),
                arguments(List.of("a"), List.of("a"), false),
                arguments(List.of("a"), List.of("a", "b"), true),
                arguments(Map.of("k", 1), Map.of("k", 1), false),
                arguments("5", List.of("5"), true),
                arguments(true, "true", true));
    }

    @ParameterizedTest(name = "previous {0} -> now {1}: changed={2}")
    @MethodSource("changedRows")
    void changed_whenValueDiffersFromPrevious_isTrue(Object before, Object after, boolean expected) {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", Operator.CHANGED));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", after)).previous(Eval.fields("x", before)).build();
        assertThat(Eval.test(group, ctx)).isEqualTo(expected);
    }

    @Test
    void changed_whenNoPreviousContext_isFalse() {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", Operator.CHANGED));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", "active")).build();
        assertThat(Eval.test(group, ctx)).isFalse();
    }

    static Stream<Arguments> changedToRows() {
        return Stream.of(
                arguments("lapsed", "active", "active", false, true),
                arguments(ABSENT, "active", "active", false, true),
                arguments("active", "active", "active", false, false),
                arguments("lapsed", "expired", "active", false, false),
                arguments("active", ABSENT, "active", false, false),
                arguments("Gold", "gold", "GOLD", true, true),
                arguments("silver", "Gold", "gold", false, false),
                arguments("silver", "Gold", "gold", true, true),
                arguments(4, "5", 5, false, true),
                arguments(5, 5.0, 5, false, false));
    }

    @ParameterizedTest(name = "previous {0} -> now {1} changed_to {2} ignoreCase={3} -> {4}")
    @MethodSource("changedToRows")
    void changedTo_whenChangedAndNowEqual_isTrue(Object before, Object after, Object target, boolean ignoreCase,
                                                 boolean expected) {
        Condition condition = new Condition(FieldPath.parse("member.x"), Operator.CHANGED_TO,
                Optional.of(Eval.operand(target)), ignoreCase);
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", after)).previous(Eval.fields("x", before)).build();
        assertThat(Eval.test(ConditionGroup.and(condition), ctx)).isEqualTo(expected);
    }

    @Test
    void changedTo_whenNoPreviousContext_isFalse() {
        ConditionGroup group = ConditionGroup.and(
                Condition.of("member.x", Operator.CHANGED_TO, Operand.Literal.of("active")));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", "active")).build();
        assertThat(Eval.test(group, ctx)).isFalse();
    }

    @Test
    void changed_whenFieldIsNested_comparesTheSameNestedPathInPrevious() {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.address.city", Operator.CHANGED));
        EvaluationContext moved = Eval.utc().context(Map.of("address", Map.of("city", "Leeds")))
                .previous(Map.of("address", Map.of("city", "York"))).build();
        EvaluationContext stayed = Eval.utc().context(Map.of("address", Map.of("city", "York")))
                .previous(Map.of("address", Map.of("city", "York"))).build();
        assertThat(Eval.test(group, moved)).isTrue();
        assertThat(Eval.test(group, stayed)).isFalse();
    }
}
