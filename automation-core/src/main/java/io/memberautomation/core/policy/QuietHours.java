package io.memberautomation.core.policy;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window in the member's local time when a channel stays silent, such as 21:00 to 08:00. A window
 * whose start is after its end wraps past midnight.
 *
 * @param start first silent minute
 * @param end   first minute sending may resume
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a window: start and end are both " + start);
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
