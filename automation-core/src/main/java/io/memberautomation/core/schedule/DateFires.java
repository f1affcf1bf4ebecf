package io.memberautomation.core.schedule;

import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.ZoneChoice;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Fire times of a date-based schedule: date(field) + offset at the local time {@code at}, in the member's
 * zone (else the automation's, the organization's, UTC) unless the schedule names another.
 */
public final class DateFires {
    private DateFires() {}

    /**
     * One member's fire: the date value it is for (one fire per member per value) and its instant.
     *
     * @param dateValue the field's value as a date, the key of "once per value"
     * @param at        when it fires
     */
    public record Fire(LocalDate dateValue, Instant at) {}

    /** The member's fire for the schedule, if the field holds a date. */
    public static Optional<Fire> fireFor(Schedule.DateBased schedule, Member member, ZoneResolver zones) {
        ZoneId zone = zones.resolve(schedule.timezone().orElse(ZoneChoice.MEMBER), Optional.of(member));
        Object value = member.fields().get(schedule.dateField().head());
        if (value == null || schedule.dateField().keys().size() != 1) {
            return Optional.empty();
        }
        return DateValues.toLocalDate(value, zone).map(date -> {
            LocalDate fireDate = schedule.offset().orElse(IsoDuration.ZERO).addTo(date);
            LocalTime at = schedule.at().orElse(LocalTime.MIDNIGHT);
            return new Fire(date, CronTimes.toInstant(LocalDateTime.of(fireDate, at), zone));
        });
    }
}
