package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static io.memberautomation.core.condition.Eval.field;
import static io.memberautomation.core.model.Operator.ENDS_WITH;
import static io.memberautomation.core.model.Operator.EQ;
import static io.memberautomation.core.model.Operator.MATCHES;
import static io.memberautomation.core.model.Operator.NEQ;
import static io.memberautomation.core.model.Operator.STARTS_WITH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StringOperatorsTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("member@example.org", STARTS_WITH, "member", false, true),
                arguments("Member@example.org", STARTS_WITH, "member", false, false),
                arguments("Member@example.org", STARTS_WITH, "MEMBER", true, true),
                arguments("", STARTS_WITH, "", false, true),
                arguments("a", STARTS_WITH, "ab", false, false),
                arguments(5, STARTS_WITH, "5", false, false),
                arguments(List.of("abc"), STARTS_WITH, "a", false, false),
                arguments(ABSENT, STARTS_WITH, "a", false, false),
                arguments(null, STARTS_WITH, "a", false, false),
                arguments("a@example.org", ENDS_WITH, "@example.org", false, true),
                arguments("A@EXAMPLE.ORG", ENDS_WITH, "@example.org", false, false),
                arguments("A@EXAMPLE.ORG", ENDS_WITH, "@example.org", true, true),
                arguments("a@example.com", ENDS_WITH, "@example.org", false, false),
                arguments(List.of("x"), ENDS_WITH, "x", false, false),
                arguments(ABSENT, ENDS_WITH, "x", false, false),
                arguments("abc123", MATCHES, "\\d+", false, true),
                arguments("abc123", MATCHES, "^\\d+$", false, false),
                arguments("123", MATCHES, "^\\d+$", false, true),
                arguments("ABC", MATCHES, "abc", false, false),
                arguments("ABC", MATCHES, "abc", true, true),
                arguments("", MATCHES, "^$", false, true),
                arguments(5, MATCHES, "5", false, false),
                arguments(true, MATCHES, "true", false, false),
                arguments(ABSENT, MATCHES, ".*", false, false),
                arguments(null, MATCHES, ".*", false, false),
                arguments("Active", EQ, "active", true, true),
                arguments("ACTIVE", NEQ, "active", true, false),
                arguments("Active", NEQ, "lapsed", true, true),
                arguments("Straße", EQ, "STRASSE", true, false),
                arguments("ÉLAN", EQ, "élan", true, true));
    }

    @ParameterizedTest(name = "{0} {1} {2} ignoreCase={3} -> {4}")
    @MethodSource("rows")
    void stringOperator_whenTextFits_isTrueAndOtherTypesAreFalse(Object value, Operator op, String operand,
                                                                  boolean ignoreCase, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, operand, ignoreCase)).isEqualTo(expected);
    }

    static Stream<Arguments> fieldRows() {
        return Stream.of(
                arguments("member@example.org", STARTS_WITH, "member", true),
                arguments("member@example.org", ENDS_WITH, ".org", true),
                arguments("member@example.org", ENDS_WITH, ABSENT, false),
                arguments("member@example.org", STARTS_WITH, 5, false));
    }

    @ParameterizedTest(name = "{0} {1} field holding {2} -> {3}")
    @MethodSource("fieldRows")
    void affix_whenOperandIsAField_readsIt(Object value, Operator op, Object other, boolean expected) {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", op, field("member.y")));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", value, "y", other)).build();
        assertThat(Eval.test(group, ctx)).isEqualTo(expected);
    }

    @Test
    void matches_whenPatternWouldBacktrackExponentially_completesInLinearTime() {
        String input = "a".repeat(10_000) + "!";
        assertThat(Eval.utc().leaf(input, MATCHES, "(a+)+$")).isFalse();
        assertThat(Eval.utc().leaf("a".repeat(10_000), MATCHES, "^(a+)+$")).isTrue();
    }
}
