package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PresenceOperatorsTest {

    /** value, is_set, is_not_set, is_empty, is_not_empty. */
    static Stream<Arguments> rows() {
        return Stream.of(
                arguments(ABSENT, false, true, true, false),
                arguments(null, false, true, true, false),
                arguments("", true, false, true, false),
                arguments(" ", true, false, false, true),
                arguments("x", true, false, false, true),
                arguments(0, true, false, false, true),
                arguments(BigDecimal.ZERO, true, false, false, true),
                arguments(false, true, false, false, true),
                arguments(LocalDate.parse("2026-01-20"), true, false, false, true),
                arguments(List.of(), true, false, true, false),
                arguments(Set.of(), true, false, true, false),
                arguments(List.of(1), true, false, false, true),
                arguments(Map.of(), true, false, true, false),
                arguments(Map.of("k", "v"), true, false, false, true));
    }

    @ParameterizedTest(name = "{0}: is_set={1} is_not_set={2} is_empty={3} is_not_empty={4}")
    @MethodSource("rows")
    void presence_whenValueMissingNullOrEmpty_answersEachUnaryOperator(Object value, boolean isSet, boolean isNotSet,
                                                                       boolean isEmpty, boolean isNotEmpty) {
        Eval eval = Eval.utc();
        assertThat(eval.unary(value, Operator.IS_SET)).as("is_set").isEqualTo(isSet);
        assertThat(eval.unary(value, Operator.IS_NOT_SET)).as("is_not_set").isEqualTo(isNotSet);
        assertThat(eval.unary(value, Operator.IS_EMPTY)).as("is_empty").isEqualTo(isEmpty);
        assertThat(eval.unary(value, Operator.IS_NOT_EMPTY)).as("is_not_empty").isEqualTo(isNotEmpty);
    }
}
