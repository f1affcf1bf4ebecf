package io.memberautomation.core.condition;

import static io.memberautomation.core.condition.Eval.relative;
import static io.memberautomation.core.model.Operator.EQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RelativeDatesTest {

    /** now, zone, relative offset, the date field value that equals today + offset. */
    static Stream<Arguments> dateRows() {
        return Stream.of(
                arguments("2026-01-20T10:00:00Z", "UTC", "P7D", "2026-01-27"),
                arguments("2026-01-20T10:00:00Z", "UTC", "-P7D", "2026-01-13"),
                arguments("2026-01-20T10:00:00Z", "UTC", "P0D", "2026-01-20"),
                arguments("2026-01-20T10:00:00Z", "UTC", "PT36H", "2026-01-21"),
                // leap day: 2028-02-29 plus a year is the last day of February 2029
                arguments("2028-02-29T10:00:00Z", "UTC", "P1Y", "2029-02-28"),
                arguments("2028-02-29T10:00:00Z", "UTC", "-P1Y", "2027-02-28"),
                arguments("2028-02-29T10:00:00Z", "UTC", "P4Y", "2032-02-29"),
                // relative across Feb 29: leap and common years
                arguments("2028-02-25T10:00:00Z", "UTC", "P7D", "2028-03-03"),
                arguments("2027-02-25T10:00:00Z", "UTC", "P7D", "2027-03-04"),
                arguments("2028-03-03T10:00:00Z", "UTC", "-P7D", "2028-02-25"),
                // month ends
                arguments("2026-01-31T10:00:00Z", "UTC", "P1M", "2026-02-28"),
                arguments("2028-01-31T10:00:00Z", "UTC", "P1M", "2028-02-29"),
                arguments("2026-03-31T10:00:00Z", "UTC", "-P1M", "2026-02-28"),
                arguments("2026-08-31T10:00:00Z", "UTC", "P1M", "2026-09-30"),
                // DST days: a calendar day is a day, whatever its length
                arguments("2026-03-07T12:00:00-05:00", "America/New_York", "P1D", "2026-03-08"),
                arguments("2026-10-31T12:00:00-04:00", "America/New_York", "P1D", "2026-11-01"),
                arguments("2026-03-28T12:00:00Z", "Europe/London", "P1D", "2026-03-29"));
    }

    @ParameterizedTest(name = "now {0} in {1}: date {3} eq relative {2}")
    @MethodSource("dateRows")
    void relative_whenFieldIsADate_isTodayPlusTheDuration(String now, String zone, String offset, String date) {
        Eval eval = Eval.at(Instant.from(OffsetDateTime.parse(now)).toString(), zone);
        LocalDate target = LocalDate.parse(date);
        assertThat(eval.leaf(target, EQ, relative(offset))).isTrue();
        assertThat(eval.leaf(target.plusDays(1), EQ, relative(offset))).isFalse();
        assertThat(eval.leaf(target.minusDays(1), EQ, relative(offset))).isFalse();
        assertThat(eval.leaf(date, EQ, relative(offset))).as("ISO date string").isTrue();
    }

    /** now, zone, offset, the instant that equals now + offset. */
    static Stream<Arguments> timestampRows() {
        return Stream.of(
                arguments("2026-01-20T10:00:00Z", "UTC", "P7D", "2026-01-27T10:00:00Z"),
                arguments("2026-01-20T10:00:00Z", "UTC", "PT15M", "2026-01-20T10:15:00Z"),
                arguments("2026-01-20T10:00:00Z", "UTC", "-P1DT2H", "2026-01-19T08:00:00Z"),
                // New York springs forward on 2026-03-08: one day later is 23 hours later
                arguments("2026-03-07T17:00:00Z", "America/New_York", "P1D", "2026-03-08T16:00:00Z"),
                arguments("2026-03-07T17:00:00Z", "America/New_York", "PT24H", "2026-03-08T17:00:00Z"),
                // and falls back on 2026-11-01: one day later is 25 hours later
                arguments("2026-10-31T16:00:00Z", "America/New_York", "P1D", "2026-11-01T17:00:00Z"),
                arguments("2026-10-31T16:00:00Z", "America/New_York", "PT24H", "2026-11-01T16:00:00Z"),
                // London: BST starts 2026-03-29, ends 2026-10-25
                arguments("2026-03-28T12:00:00Z", "Europe/London", "P1D", "2026-03-29T11:00:00Z"),
                arguments("2026-10-24T11:00:00Z", "Europe/London", "P1D", "2026-10-25T12:00:00Z"),
                arguments("2026-03-28T12:00:00Z", "UTC", "P1D", "2026-03-29T12:00:00Z"),
                arguments("2028-02-29T12:00:00Z", "UTC", "P1Y", "2029-02-28T12:00:00Z"));
    }

    @ParameterizedTest(name = "now {0} in {1}: {3} eq relative {2}")
    @MethodSource("timestampRows")
    void relative_whenFieldIsATimestamp_isNowPlusTheDurationInTheZone(String now, String zone, String offset,
                                                                      String instant) {
        Eval eval = Eval.at(now, zone);
        Instant target = Instant.parse(instant);
        assertThat(eval.leaf(target, EQ, relative(offset))).isTrue();
        assertThat(eval.leaf(target.plusSeconds(3600), EQ, relative(offset))).isFalse();
        assertThat(eval.leaf(target.atOffset(ZoneOffset.ofHours(3)), EQ, relative(offset))).isTrue();
        assertThat(eval.leaf(target.atZone(ZoneId.of(zone)).toLocalDateTime(), EQ, relative(offset)))
                .as("LocalDateTime read in the zone").isTrue();
        assertThat(eval.leaf(instant, EQ, relative(offset))).as("ISO instant string").isTrue();
    }

    /** now, zone, the local date that is today there. */
    static Stream<Arguments> todayRows() {
        return Stream.of(
                arguments("2026-01-20T23:30:00Z", "UTC", "2026-01-20"),
                arguments("2026-01-20T23:30:00Z", "Asia/Tokyo", "2026-01-21"),
                arguments("2026-01-20T23:30:00Z", "America/Los_Angeles", "2026-01-20"),
                arguments("2026-01-21T00:30:00Z", "America/New_York", "2026-01-20"),
                arguments("2026-03-08T04:30:00Z", "America/New_York", "2026-03-07"),
                arguments("2026-03-08T05:30:00Z", "America/New_York", "2026-03-08"),
                arguments("2026-11-01T03:30:00Z", "America/New_York", "2026-10-31"),
                arguments("2026-11-01T04:30:00Z", "America/New_York", "2026-11-01"),
                arguments("2026-03-29T00:30:00Z", "Europe/London", "2026-03-29"),
                arguments("2026-06-30T23:30:00Z", "Europe/London", "2026-07-01"),
                arguments("2026-10-24T23:30:00Z", "Europe/London", "2026-10-25"),
                arguments("2026-12-31T23:30:00Z", "Europe/London", "2026-12-31"));
    }

    @ParameterizedTest(name = "now {0} in {1}: today is {2}")
    @MethodSource("todayRows")
    void relative_whenNowIsNearMidnight_usesTodayInTheContextZone(String now, String zone, String today) {
        Eval eval = Eval.at(now, zone);
        LocalDate date = LocalDate.parse(today);
        assertThat(eval.leaf(date, EQ, relative("P0D"))).isTrue();
        assertThat(eval.leaf(date.plusDays(1), EQ, relative("P1D"))).isTrue();
        assertThat(eval.leaf(date.plusDays(1), EQ, relative("P0D"))).isFalse();
        assertThat(eval.context(Map.of()).build().today()).isEqualTo(date);
    }

    static Stream<Arguments> orderingRows() {
        return Stream.of(
                arguments(LocalDate.parse("2026-01-27"), Operator.LTE, "P7D", true),
                arguments(LocalDate.parse("2026-01-28"), Operator.LTE, "P7D", false),
                arguments(LocalDate.parse("2026-01-19"), Operator.LT, "P0D", true),
                arguments(Instant.parse("2026-01-20T09:00:00Z"), Operator.GT, "-PT2H", true),
                arguments(LocalDateTime.parse("2026-01-20T09:00:00"), Operator.GT, "-PT2H", true),
                arguments(5, Operator.EQ, "P0D", false),
                arguments("not a date", Operator.EQ, "P0D", false),
                arguments(true, Operator.NEQ, "P0D", false));
    }

    @ParameterizedTest(name = "{0} {1} relative {2} -> {3}")
    @MethodSource("orderingRows")
    void relative_whenOrderedOrMismatched_comparesOrIsFalse(Object value, Operator op, String offset, boolean expected) {
        assertThat(Eval.utc().leaf(value, op, relative(offset))).isEqualTo(expected);
    }

    @Test
    void relative_whenOneCompiledConditionMeetsDifferentDaysAndInstants_resolvesEachContext() {
        CompiledCondition compiled = Conditions.compile(ConditionGroup.and(
                Condition.of("member.renewal", EQ, relative("P7D")),
                Condition.of("member.reminded_at", Operator.LT, relative("-PT1H"))));
        Map<String, Object> member = Map.of("renewal", LocalDate.parse("2026-01-27"),
                "reminded_at", Instant.parse("2026-01-20T08:30:00Z"));

        assertThat(compiled.test(Eval.at("2026-01-20T10:00:00Z", "UTC").context(member).build())).isTrue();
        assertThat(compiled.test(Eval.at("2026-01-21T10:00:00Z", "UTC").context(member).build())).isFalse();
        assertThat(compiled.test(Eval.at("2026-01-20T09:00:00Z", "UTC").context(member).build())).isFalse();
        assertThat(compiled.test(Eval.at("2026-01-20T16:00:00Z", "Asia/Tokyo").context(member).build())).isFalse();
        assertThat(compiled.test(Eval.at("2026-01-20T16:00:00Z", "UTC").context(member).build())).isTrue();
        assertThat(compiled.test(Eval.at("2026-01-20T10:00:00Z", "UTC").context(member).build())).isTrue();
    }
}
