package io.memberautomation.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A full year of daily, weekly and monthly cron schedules in zones with odd rules, against an independent
 * computation: every local date that matches, at the local time, resolved with {@code ZonedDateTime.of}
 * (a time in a gap moves to the transition that swallowed it).
 */
class CronTimesProperties {
    private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/London",
            "Australia/Lord_Howe", "Pacific/Kiritimati", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham",
            "Asia/Tehran", "America/St_Johns", "Africa/Casablanca", "Europe/Dublin", "Pacific/Apia", "America/Havana",
            "Australia/Adelaide", "America/Santiago", "Asia/Kathmandu", "Europe/Chisinau");

    enum Kind { DAILY, WEEKLY, MONTHLY }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 300)
    void cronFires_overAYear_matchAnIndependentJavaTimeComputation(@ForAll("zones") String zoneId,
                                                                     @ForAll Kind kind,
                                                                     @ForAll @IntRange(min = 0, max = 23) int hour,
                                                                     @ForAll @IntRange(min = 0, max = 59) int minute,
                                                                     @ForAll @IntRange(min = 1, max = 31) int day,
                                                                     @ForAll DayOfWeek weekday) {
        ZoneId zone = ZoneId.of(zoneId);
        int year = 2026;
        String expression = switch (kind) {
            case DAILY -> minute + " " + hour + " * * *";
            case WEEKLY -> minute + " " + hour + " * * " + (weekday.getValue() % 7);
            case MONTHLY -> minute + " " + hour + " " + day + " * *";
        };
        List<Instant> expected = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            boolean matches = switch (kind) {
                case DAILY -> true;
                case WEEKLY -> date.getDayOfWeek() == weekday;
                case MONTHLY -> date.getDayOfMonth() == day;
            };
            if (matches) {
                expected.add(resolve(LocalDateTime.of(date, LocalTime.of(hour, minute)), zone));
            }
        }

        CronTimes times = CronTimes.parse(expression);
        Instant end = ZonedDateTime.of(LocalDateTime.of(year + 1, 1, 1, 0, 0), zone).toInstant();
        List<Instant> actual = new ArrayList<>();
        Instant cursor = ZonedDateTime.of(LocalDateTime.of(year, 1, 1, 0, 0), zone).toInstant().minusSeconds(1);
        while (true) {
            var next = times.nextAfter(cursor, zone);
            if (next.isEmpty() || !next.get().isBefore(end)) {
                break;
            }
            actual.add(next.get());
            cursor = next.get();
        }
        assertThat(actual).as("%s in %s", expression, zoneId).containsExactlyElementsOf(expected);
    }

    /** Independent of CronTimes.toInstant: java.time's shift-forward rule, pulled back to the transition. */
    private static Instant resolve(LocalDateTime local, ZoneId zone) {
        ZonedDateTime zoned = ZonedDateTime.of(local, zone);
        if (zoned.toLocalDateTime().equals(local)) {
            return zoned.toInstant();
        }
        return zone.getRules().previousTransition(zoned.toInstant().plusNanos(1)).getInstant();
    }
}
