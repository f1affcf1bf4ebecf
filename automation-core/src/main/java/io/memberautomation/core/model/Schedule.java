package io.memberautomation.core.model;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** When a {@code scheduled} automation fires: a cron expression or a per-member date. */
public sealed interface Schedule {

    /** Who a cron fire enrolls. */
    enum Audience {
        /** Every member of the organization for whom the trigger conditions hold (the default). */
        MEMBERS,
        /** One run with no member: reports, admin digests. */
        ORGANIZATION
    }

    /** What to do about fire times missed while no engine was running. */
    enum Misfire {
        /** Fire once for all the missed times (the default). */
        FIRE_ONCE,
        /** Drop the missed times. */
        SKIP
    }

    /**
     * A five-field Unix cron expression in a timezone.
     *
     * @param cron     the expression, validated by cron-utils
     * @param timezone the zone of the expression; empty means the automation's
     * @param audience who a fire enrolls
     * @param misfire  what to do about missed fire times
     */
    record Cron(String cron, Optional<ZoneId> timezone, Audience audience, Misfire misfire) implements Schedule {
        public Cron {
            Checks.text(cron, "cron");
            Objects.requireNonNull(timezone, "timezone");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(misfire, "misfire");
        }
    }

    /**
     * Fires for each member on date(field) + offset, at the local time {@code at}.
     *
     * @param dateField the member date field, such as {@code member.joined_at}
     * @param offset    added to the date (negative for "before"); empty means zero
     * @param at        local time of day; empty means midnight
     * @param timezone  where the local time is read; empty means the member's
     */
    record DateBased(FieldPath dateField, Optional<IsoDuration> offset, Optional<LocalTime> at,
                     Optional<ZoneChoice> timezone) implements Schedule {
        public DateBased {
            Objects.requireNonNull(dateField, "dateField");
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(timezone, "timezone");
        }
    }
}
