package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static io.memberautomation.core.condition.Eval.field;
import static io.memberautomation.core.condition.Eval.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BetweenOperatorTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments(1, List.of(1, 5), true),
                arguments(5, List.of(1, 5), true),
                arguments(3, List.of(1, 5), true),
                arguments(0, List.of(1, 5), false),
                arguments(6, List.of(1, 5), false),
                arguments(5.0, List.of(1, 5), true),
                arguments(5.000001, List.of(1, 5), false),
                arguments(new BigDecimal("0.99"), List.of(1, 5), false),
                arguments("3", List.of(1, 5), true),
                arguments(3, List.of("1", "5"), true),
                arguments(3, List.of(5, 1), false),
                arguments("b", List.of("a", "c"), true),
                arguments("d", List.of("a", "c"), false),
                arguments(LocalDate.parse("2026-01-20"), List.of("2026-01-20", "2026-01-27"), true),
                arguments(LocalDate.parse("2026-01-27"), List.of("2026-01-20", "2026-01-27"), true),
                arguments(LocalDate.parse("2026-01-28"), List.of("2026-01-20", "2026-01-27"), false),
                arguments(Instant.parse("2026-01-20T10:00:00Z"), List.of("2026-01-20T10:00:00Z", "2026-01-20T11:00:00Z"), true),
                arguments(true, List.of(false, true), true),
                arguments(ABSENT, List.of(1, 5), false),
                arguments(null, List.of(1, 5), false),
                arguments("abc", List.of(1, 5), false),
                arguments(3, List.of(1, "x"), false),
                arguments(3, List.of("x", 5), false),
                arguments(List.of(3), List.of(1, 5), false));
    }

    @ParameterizedTest(name = "{0} between {1} -> {2}")
    @MethodSource("rows")
    void between_whenValueAtOrInsideBounds_isTrue(Object value, List<Object> bounds, boolean expected) {
        assertThat(Eval.utc().leaf(value, Operator.BETWEEN, bounds)).isEqualTo(expected);
    }

    static Stream<Arguments> relativeRows() {
        return Stream.of(
                arguments("2026-01-19", false),
                arguments("2026-01-20", true),
                arguments("2026-01-24", true),
                arguments("2026-01-27", true),
                arguments("2026-01-28", false));
    }

    @ParameterizedTest(name = "renewal {0} within the next 7 days -> {1}")
    @MethodSource("relativeRows")
    void between_whenBoundsAreRelative_includesTodayAndTheLastDay(String renewal, boolean expected) {
        Operand nextWeek = Operand.Literal.list(relative("P0D"), relative("P7D"));
        assertThat(Eval.utc().leaf(LocalDate.parse(renewal), Operator.BETWEEN, nextWeek)).isEqualTo(expected);
    }

    static Stream<Arguments> relativeOtherTypeRows() {
        return Stream.of(
                arguments(Instant.parse("2026-01-20T10:00:00Z"), true),
                arguments(Instant.parse("2026-01-27T10:00:00Z"), true),
                arguments(Instant.parse("2026-01-27T10:00:01Z"), false),
                arguments(Instant.parse("2026-01-20T09:59:59Z"), false),
                arguments("2026-01-24", true),
                arguments("2026-01-28", false),
                arguments("2026-01-22T00:00:00+09:00", true),
                arguments("soon", false),
                arguments(20260124, false),
                arguments(ABSENT, false),
                arguments(List.of(LocalDate.parse("2026-01-24")), false));
    }

    @ParameterizedTest(name = "{0} within the next 7 days -> {1}")
    @MethodSource("relativeOtherTypeRows")
    void between_whenBoundsAreRelativeAndValueIsNotADate_usesNowForTimestampsAndParsesStrings(Object value,
                                                                                             boolean expected) {
        Operand nextWeek = Operand.Literal.list(relative("P0D"), relative("P7D"));
        assertThat(Eval.utc().leaf(value, Operator.BETWEEN, nextWeek)).isEqualTo(expected);
    }

    static Stream<Arguments> fieldBoundRows() {
        return Stream.of(
                arguments(3, 1, 5, true),
                arguments(5, 1, 5, true),
                arguments(3, ABSENT, 5, false),
                arguments(3, 1, ABSENT, false),
                arguments(0, 1, ABSENT, false),
                arguments(3, null, 5, false));
    }

    @ParameterizedTest(name = "{0} between [{1}, {2}] from fields -> {3}")
    @MethodSource("fieldBoundRows")
    void between_whenBoundsAreFields_readsBothAndIsFalseWhenOneIsMissing(Object value, Object low, Object high,
                                                                         boolean expected) {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", Operator.BETWEEN,
                Operand.Literal.list(field("member.low"), field("member.high"))));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", value, "low", low, "high", high)).build();
        assertThat(Eval.test(group, ctx)).isEqualTo(expected);
    }
}
