package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static io.memberautomation.core.condition.Eval.field;
import static io.memberautomation.core.model.Operator.CONTAINS;
import static io.memberautomation.core.model.Operator.HAS_TAG;
import static io.memberautomation.core.model.Operator.IN;
import static io.memberautomation.core.model.Operator.NOT_CONTAINS;
import static io.memberautomation.core.model.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipOperatorsTest {
    private static final List<Object> TIERS = List.of("gold", "platinum");

    static Stream<Arguments> inRows() {
        return Stream.of(
                arguments("gold", IN, TIERS, false, true),
                arguments("platinum", IN, TIERS, false, true),
                arguments("silver", IN, TIERS, false, false),
                arguments("Gold", IN, TIERS, false, false),
                arguments("Gold", IN, TIERS, true, true),
                arguments("GOLD", IN, List.of("Gold"), true, true),
                arguments(5, IN, List.of(1, 5), false, true),
                arguments(5L, IN, List.of(1, 5), false, true),
                arguments(5.0, IN, List.of(1, 5), false, true),
                arguments(5, IN, List.of("5"), false, true),
                arguments("5", IN, List.of(5), false, true),
                arguments("5.0", IN, List.of("gold", 5), false, true),
                arguments("5.0", IN, List.of("5"), false, false),
                arguments(true, IN, List.of(true), false, true),
                arguments(true, IN, List.of("true"), false, false),
                arguments(LocalDate.parse("2026-01-20"), IN, List.of("2026-01-20"), false, true),
                arguments(5, IN, List.of(), false, false),
                arguments(ABSENT, IN, TIERS, false, false),
                arguments(null, IN, TIERS, false, false),
                arguments(List.of("gold"), IN, TIERS, false, false),
                arguments(Map.of("gold", 1), IN, TIERS, false, false),
                arguments("silver", NOT_IN, TIERS, false, true),
                arguments("gold", NOT_IN, TIERS, false, false),
                arguments("GOLD", NOT_IN, TIERS, false, true),
                arguments("GOLD", NOT_IN, TIERS, true, false),
                arguments(7, NOT_IN, List.of(1, 5), false, true),
                arguments(5, NOT_IN, List.of(1, 5.0), false, false),
                arguments(5, NOT_IN, List.of("gold"), false, true),
                arguments(5, NOT_IN, List.of(), false, true),
                arguments(ABSENT, NOT_IN, TIERS, false, false),
                arguments(null, NOT_IN, TIERS, false, false),
                arguments(List.of("silver"), NOT_IN, TIERS, false, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} ignoreCase={3} -> {4}")
    @MethodSource("inRows")
    void in_whenScalarEqualsAnElement_isTrue(Object value, Operator op, List<Object> list, boolean ignoreCase,
                                             boolean expected) {
        assertThat(Eval.utc().leaf(value, op, list, ignoreCase)).isEqualTo(expected);
    }

    static Stream<Arguments> inFieldRows() {
        return Stream.of(
                arguments("gold", IN, List.of("gold", "platinum"), true),
                arguments("5", IN, List.of(1, 5), true),
                arguments("silver", IN, List.of("gold"), false),
                arguments("gold", IN, ABSENT, false),
                arguments("gold", IN, "gold", false),
                arguments("silver", NOT_IN, List.of("gold"), true),
                arguments("gold", NOT_IN, List.of("gold"), false),
                arguments("gold", NOT_IN, ABSENT, false),
                arguments("gold", NOT_IN, "silver", false));
    }

    @ParameterizedTest(name = "{0} {1} field holding {2} -> {3}")
    @MethodSource("inFieldRows")
    void in_whenListIsAField_readsTheFieldsCollection(Object value, Operator op, Object list, boolean expected) {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", op, field("organization.tiers")));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", value))
                .organization(Eval.fields("tiers", list)).build();
        assertThat(Eval.test(group, ctx)).isEqualTo(expected);
    }

    static Stream<Arguments> containsRows() {
        return Stream.of(
                arguments("hello world", CONTAINS, "world", false, true),
                arguments("hello world", CONTAINS, "", false, true),
                arguments("Hello", CONTAINS, "hell", false, false),
                arguments("Hello", CONTAINS, "hELL", true, true),
                arguments(List.of("a", "b"), CONTAINS, "b", false, true),
                arguments(List.of("a", "b"), CONTAINS, "c", false, false),
                arguments(List.of("A"), CONTAINS, "a", false, false),
                arguments(List.of("A"), CONTAINS, "a", true, true),
                arguments(List.of(1, 2), CONTAINS, 2, false, true),
                arguments(List.of(1, 2), CONTAINS, "2", false, true),
                arguments(List.of(1.0), CONTAINS, 1, false, true),
                arguments(Set.of("x"), CONTAINS, "x", false, true),
                arguments(new LinkedHashSet<>(List.of("x", "y")), CONTAINS, "y", false, true),
                arguments(Arrays.asList("a", null), CONTAINS, "a", false, true),
                arguments(List.of(), CONTAINS, "x", false, false),
                arguments("abc5", CONTAINS, 5, false, false),
                arguments(5, CONTAINS, 5, false, false),
                arguments(Map.of("x", 1), CONTAINS, "x", false, false),
                arguments(ABSENT, CONTAINS, "x", false, false),
                arguments(null, CONTAINS, "x", false, false),
                arguments("hello", NOT_CONTAINS, "xyz", false, true),
                arguments("hello", NOT_CONTAINS, "ell", false, false),
                arguments("HELLO", NOT_CONTAINS, "ell", false, true),
                arguments("HELLO", NOT_CONTAINS, "ell", true, false),
                arguments(List.of("a"), NOT_CONTAINS, "b", false, true),
                arguments(List.of("a"), NOT_CONTAINS, "a", false, false),
                arguments(List.of(), NOT_CONTAINS, "x", false, true),
                arguments(List.of(5), NOT_CONTAINS, "x", false, true),
                arguments("abc", NOT_CONTAINS, 5, false, false),
                arguments(5, NOT_CONTAINS, "x", false, false),
                arguments(ABSENT, NOT_CONTAINS, "x", false, false),
                arguments(null, NOT_CONTAINS, "x", false, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} ignoreCase={3} -> {4}")
    @MethodSource("containsRows")
    void contains_whenSubstringOrElementEqual_isTrue(Object value, Operator op, Object operand, boolean ignoreCase,
                                                     boolean expected) {
        assertThat(Eval.utc().leaf(value, op, operand, ignoreCase)).isEqualTo(expected);
    }

    static Stream<Arguments> hasTagRows() {
        return Stream.of(
                arguments(List.of("vip", "board"), "vip", false, true),
                arguments(List.of("vip", "board"), "volunteer", false, false),
                arguments(List.of("VIP"), "vip", false, false),
                arguments(List.of("VIP"), "vip", true, true),
                arguments(Set.of("vip"), "vip", false, true),
                arguments(List.of(), "vip", false, false),
                arguments(List.of(5), "5", false, false),
                arguments("vip", "vip", false, false),
                arguments(ABSENT, "vip", false, false),
                arguments(null, "vip", false, false));
    }

    @ParameterizedTest(name = "tags {0} has_tag {1} ignoreCase={2} -> {3}")
    @MethodSource("hasTagRows")
    void hasTag_whenTagsHoldTheString_isTrue(Object tags, String tag, boolean ignoreCase, boolean expected) {
        Condition condition = new Condition(FieldPath.parse("member.tags"), HAS_TAG,
                Optional.of(Operand.Literal.of(tag)), ignoreCase);
        EvaluationContext ctx = Eval.utc().context(Eval.fields("tags", tags)).build();
        assertThat(Eval.test(ConditionGroup.and(condition), ctx)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "tags {0} has_tag event.tag={1} -> {2}")
    @MethodSource("hasTagFieldRows")
    void hasTag_whenTagIsAField_readsIt(Object tags, Object tag, boolean expected) {
        Condition condition = Condition.of("member.tags", HAS_TAG, field("event.tag"));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("tags", tags)).event(Eval.fields("tag", tag)).build();
        assertThat(Eval.test(ConditionGroup.and(condition), ctx)).isEqualTo(expected);
    }

    static Stream<Arguments> hasTagFieldRows() {
        return Stream.of(
                arguments(List.of("vip"), "vip", true),
                arguments(List.of("vip"), "board", false),
                arguments(List.of("vip"), ABSENT, false),
                arguments(List.of("5"), 5, false));
    }
}
