package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.ABSENT;
import static io.memberautomation.core.condition.Eval.field;
import static io.memberautomation.core.model.Operator.EQ;
import static io.memberautomation.core.model.Operator.GT;
import static io.memberautomation.core.model.Operator.GTE;
import static io.memberautomation.core.model.Operator.LT;
import static io.memberautomation.core.model.Operator.LTE;
import static io.memberautomation.core.model.Operator.NEQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComparisonOperatorsTest {
    private static final LocalDate JAN_20 = LocalDate.parse("2026-01-20");
    private static final Instant TEN_AM = Instant.parse("2026-01-20T10:00:00Z");

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments(1, EQ, 1, true),
                arguments(1L, EQ, 1, true),
                arguments(1.0, EQ, 1, true),
                arguments(new BigDecimal("1.00"), EQ, 1, true),
                arguments((short) 1, EQ, 1, true),
                arguments((byte) 1, EQ, 1, true),
                arguments(BigInteger.ONE, EQ, 1, true),
                arguments(1.0f, EQ, 1, true),
                arguments(1, EQ, new BigDecimal("1.000"), true),
                arguments(0.1, EQ, new BigDecimal("0.1"), true),
                arguments(0.1f, EQ, new BigDecimal("0.1"), false),
                arguments(-0.0, EQ, 0, true),
                arguments(2, NEQ, new BigDecimal("2.0"), false),
                arguments(3, NEQ, 2, true),
                arguments(1.5, GT, 1, true),
                arguments(1, GT, new BigDecimal("0.99"), true),
                arguments(500, GT, 500, false),
                arguments(500, GTE, 500, true),
                arguments(499, LT, 500, true),
                arguments(500, LTE, 500, true),
                arguments(501, LTE, 500, false),
                arguments(Long.MAX_VALUE, GT, new BigDecimal("9223372036854775806"), true),
                arguments(new BigInteger("100000000000000000000"), GT, new BigDecimal(Long.MAX_VALUE), true),
                arguments(1e300, GT, 1, true),
                arguments(9007199254740993L, GT, new BigDecimal("9007199254740992"), true),
                arguments(0x1p60, EQ, new BigDecimal("1152921504606846976"), false),
                arguments(0x1p60, EQ, new BigDecimal(BigDecimal.valueOf(0x1p60).toPlainString()), true));
    }

    static Stream<Arguments> stringsAgainstNumbers() {
        return Stream.of(
                arguments("500", EQ, 500, true),
                arguments("500.00", EQ, 500, true),
                arguments("1e3", EQ, 1000, true),
                arguments("501", GT, 500, true),
                arguments("-1", LT, 0, true),
                arguments("abc", EQ, 5, false),
                arguments("abc", NEQ, 5, false),
                arguments(" 5", EQ, 5, false),
                arguments("", EQ, 0, false),
                arguments(5, EQ, "5", true),
                arguments(5.0, EQ, "5", true),
                arguments(5, GT, "4.5", true),
                arguments(5, EQ, "five", false),
                arguments(5, NEQ, "five", false));
    }

    static Stream<Arguments> notFiniteNumbers() {
        return Stream.of(
                arguments(Double.NaN, EQ, 1, false),
                arguments(Double.NaN, NEQ, 1, false),
                arguments(Double.POSITIVE_INFINITY, GT, 1, false),
                arguments(Double.NEGATIVE_INFINITY, LT, 1, false),
                arguments(Float.NaN, LTE, 1, false),
                arguments("NaN", EQ, 1, false),
                arguments("Infinity", GT, 1, false));
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("active", EQ, "active", true),
                arguments("Active", EQ, "active", false),
                arguments("active", NEQ, "lapsed", true),
                arguments("active", NEQ, "active", false),
                arguments("b", GT, "a", true),
                arguments("a", LT, "b", true),
                arguments("a", GTE, "a", true),
                arguments("10", GT, "9", false),
                arguments("", EQ, "", true),
                arguments("2026-01-20", EQ, "2026-01-20", true),
                arguments("2026-01-20T10:00:00Z", EQ, "2026-01-20T11:00:00+01:00", false));
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                arguments(true, EQ, true, true),
                arguments(true, EQ, false, false),
                arguments(true, NEQ, false, true),
                arguments(false, LT, true, true),
                arguments(true, GT, false, true),
                arguments(true, GTE, true, true),
                arguments(true, EQ, "true", false),
                arguments("true", EQ, true, false),
                arguments(true, NEQ, 1, false),
                arguments(1, EQ, true, false));
    }

    static Stream<Arguments> datesAndInstants() {
        return Stream.of(
                arguments(JAN_20, EQ, "2026-01-20", true),
                arguments(JAN_20, GT, "2026-01-19", true),
                arguments(JAN_20, LT, "2026-01-19", false),
                arguments(JAN_20, LTE, "2026-01-20", true),
                arguments(JAN_20, NEQ, "2026-01-21", true),
                arguments(JAN_20, EQ, "2026-01-20T23:30:00Z", true),
                arguments(JAN_20, EQ, "2026-01-21T00:30:00+01:00", true),
                arguments(JAN_20, LT, "2026-01-21T00:30:00Z", true),
                arguments(TEN_AM, EQ, "2026-01-20T10:00:00Z", true),
                arguments(TEN_AM, EQ, "2026-01-20T11:00:00+01:00", true),
                arguments(TEN_AM, GT, "2026-01-20T09:59:59Z", true),
                arguments(TEN_AM, LT, "2026-01-20T10:00:00.001Z", true),
                arguments(TEN_AM, EQ, "2026-01-20", true),
                arguments(TEN_AM, GT, "2026-01-19", true),
                arguments(TEN_AM, GT, "2026-01-20", false),
                arguments(OffsetDateTime.parse("2026-01-20T12:00:00+02:00"), EQ, "2026-01-20T10:00:00Z", true),
                arguments(ZonedDateTime.parse("2026-01-20T11:00:00+01:00[Europe/Paris]"), EQ, "2026-01-20T10:00:00Z", true),
                arguments(LocalDateTime.parse("2026-01-20T10:00:00"), EQ, "2026-01-20T10:00:00Z", true),
                arguments(LocalDateTime.parse("2026-01-20T10:00:00"), EQ, "2026-01-20", true),
                arguments("2026-01-20", LT, "2026-01-21", true),
                arguments(JAN_20, EQ, "not a date", false),
                arguments(JAN_20, NEQ, "not a date", false),
                arguments(JAN_20, EQ, 20260120, false),
                arguments(JAN_20, NEQ, 5, false),
                arguments(TEN_AM, EQ, true, false),
                arguments(5, EQ, "2026-01-20", false));
    }

    static Stream<Arguments> missingNullAndMismatch() {
        return Stream.of(
                arguments(ABSENT, EQ, "x", false),
                arguments(null, EQ, "x", false),
                arguments(ABSENT, NEQ, "x", false),
                arguments(null, NEQ, 5, false),
                arguments(ABSENT, GT, 1, false),
                arguments(null, LTE, 1, false),
                arguments(List.of("a"), EQ, "a", false),
                arguments(List.of("a"), NEQ, "b", false),
                arguments(Map.of("a", 1), EQ, "a", false),
                arguments(Map.of("a", 1), NEQ, 1, false),
                arguments(new StringBuilder("x"), EQ, "x", false),
                arguments(new AtomicInteger(5), EQ, 5, false),
                arguments(new AtomicInteger(5), NEQ, 6, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("numbers")
    void compare_whenNumberFormsDiffer_comparesNumerically(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("stringsAgainstNumbers")
    void compare_whenStringMeetsNumber_parsesTheStringOrMismatches(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("notFiniteNumbers")
    void compare_whenNumberIsNotFinite_isFalse(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("strings")
    void compare_whenBothStrings_comparesAsStrings(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("booleans")
    void compare_whenBoolean_meetsOnlyBooleans(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("datesAndInstants")
    void compare_whenTemporal_readsIsoStringsAsDatesOrInstants(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("missingNullAndMismatch")
    void compare_whenMissingNullOrMismatched_isFalse(Object value, Operator op, Object literal, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, literal)).isEqualTo(expected);
    }

    static Stream<Arguments> zonedDates() {
        return Stream.of(
                arguments("UTC", JAN_20, "2026-01-20T23:30:00Z", true),
                arguments("America/New_York", JAN_20, "2026-01-20T23:30:00Z", true),
                arguments("Asia/Tokyo", JAN_20, "2026-01-20T23:30:00Z", false),
                arguments("Asia/Tokyo", LocalDate.parse("2026-01-21"), "2026-01-20T23:30:00Z", true),
                arguments("America/New_York", LocalDateTime.parse("2026-01-20T05:00:00"), "2026-01-20T10:00:00Z", true),
                arguments("UTC", LocalDateTime.parse("2026-01-20T05:00:00"), "2026-01-20T10:00:00Z", false));
    }

    @ParameterizedTest(name = "in {0}: {1} eq {2} -> {3}")
    @MethodSource("zonedDates")
    void eq_whenDateMeetsInstant_usesTheLocalDateInTheContextZone(String zone, Object value, String literal, boolean expected) {
        assertThat(Eval.at("2026-01-20T10:00:00Z", zone).leaf(value, EQ, literal)).isEqualTo(expected);
    }

    static Stream<Arguments> fieldOperands() {
        return Stream.of(
                arguments(5, EQ, 5.0, true),
                arguments(5, GT, "4", true),
                arguments("gold", EQ, "gold", true),
                arguments(JAN_20, LT, Instant.parse("2026-01-21T00:00:00Z"), true),
                arguments(JAN_20, EQ, "2026-01-20", true),
                arguments(5, EQ, ABSENT, false),
                arguments(5, NEQ, ABSENT, false),
                arguments(5, NEQ, null, false),
                arguments(5, NEQ, List.of(5), false),
                arguments(ABSENT, EQ, 5, false));
    }

    @ParameterizedTest(name = "{0} {1} field {2} -> {3}")
    @MethodSource("fieldOperands")
    void compare_whenOperandIsAField_comparesTheTwoFields(Object value, Operator op, Object other, boolean expected) {
        ConditionGroup group = ConditionGroup.and(Condition.of("member.x", op, field("member.y")));
        EvaluationContext ctx = Eval.utc().context(Eval.fields("x", value, "y", other)).build();
        assertThat(Eval.test(group, ctx)).isEqualTo(expected);
    }
}
