package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.field;
import static io.memberautomation.core.condition.Eval.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.WireName;
import io.memberautomation.spi.AutomationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompileErrorsTest {

    static Stream<Arguments> impossible() {
        return Stream.of(
                arguments("member.email", Operator.MATCHES, Operand.Literal.of("(unclosed"), "invalid regular expression"),
                arguments("member.email", Operator.MATCHES, Operand.Literal.of(5), "regular expression string"),
                arguments("member.email", Operator.MATCHES, field("member.pattern"), "regular expression string"),
                arguments("member.tier", Operator.EQ, Eval.operand(List.of("gold")), "not a list"),
                arguments("member.tier", Operator.GT, Eval.operand(List.of(1)), "not a list"),
                arguments("member.age", Operator.BETWEEN, Eval.operand(List.of(1)), "two bounds"),
                arguments("member.age", Operator.BETWEEN, Eval.operand(List.of(1, 2, 3)), "two bounds"),
                arguments("member.age", Operator.BETWEEN, Operand.Literal.of(1), "[low, high]"),
                arguments("member.age", Operator.BETWEEN, Eval.operand(List.of(List.of(1), 2)), "not a list"),
                arguments("member.tier", Operator.IN, Operand.Literal.of("gold"), "list"),
                arguments("member.tier", Operator.NOT_IN, relative("P1D"), "list"),
                arguments("member.tier", Operator.IN, Eval.operand(List.of(List.of("gold"))), "not a list"),
                arguments("member.name", Operator.STARTS_WITH, Operand.Literal.of(5), "string"),
                arguments("member.name", Operator.ENDS_WITH, relative("P1D"), "string"),
                arguments("member.tags", Operator.HAS_TAG, Eval.operand(List.of("vip")), "string"),
                arguments("member.tags", Operator.CONTAINS, relative("P1D"), "relative"),
                arguments("member.tags", Operator.CONTAINS, Eval.operand(List.of("vip")), "not a list"),
                arguments("event.status", Operator.CHANGED_TO, Operand.Literal.of("active"), "member.*"));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("impossible")
    void compile_whenConditionIsImpossible_throwsNamingFieldAndOperator(String path, Operator op, Operand value,
                                                                        String problem) {
        Condition condition = Condition.of(path, op, value);
        ConditionCompileException thrown = catchThrowableOfType(ConditionCompileException.class,
                () -> Conditions.compile(ConditionGroup.or(ConditionGroup.and(condition))));
        assertThat(thrown).isInstanceOf(AutomationException.class);
        assertThat(thrown.getMessage()).startsWith(path + " " + WireName.of(op) + ": ")
                .contains(problem);
        assertThat(thrown.field().toString()).isEqualTo(path);
        assertThat(thrown.operator()).isEqualTo(op);
    }

    @ParameterizedTest(name = "changed on {0}")
    @MethodSource("nonMemberPaths")
    void compile_whenChangedIsNotOnAMemberField_throws(String path) {
        ConditionCompileException thrown = catchThrowableOfType(ConditionCompileException.class,
                () -> Conditions.compile(ConditionGroup.and(Condition.of(path, Operator.CHANGED))));
        assertThat(thrown.getMessage()).contains(path, "changed", "member.*");
    }

    static Stream<String> nonMemberPaths() {
        return Stream.of("event.status", "previous.status", "organization.plan", "steps.s.output.x");
    }
}
