package io.memberautomation.core.store;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.TimerKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored timer and, for a SCHEDULE timer, the end of the lease it is claimed under.
 *
 * @param leasedUntil present while a SCHEDULE timer is claimed; it can be claimed again from then
 */
record TimerSlot(DueTimer timer, @Nullable Instant leasedUntil) {

    /** Where the timer sits in its due index: when it is next due to be moved or claimed. */
    TimeKey indexKey() {
        return new TimeKey(leasedUntil != null ? leasedUntil : timer.dueAt(), timer.id());
    }

    boolean isExecutionTimer() {
        return timer.kind() == TimerKind.EXECUTION;
    }
}
