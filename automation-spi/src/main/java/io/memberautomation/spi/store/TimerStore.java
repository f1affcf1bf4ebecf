package io.memberautomation.spi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable timers. Nothing in the engine waits in a sleeping thread: a delay, a retry backoff and a
 * scheduled fire time are each a row here until due.
 *
 * <p>Implementations must be safe for several engine nodes: each due timer is handed out once per
 * lease, and a lapsed lease makes it due again.
 */
public interface TimerStore {

    /** Adds a timer, or replaces the one with the same id. */
    void schedule(DueTimer timer);

    /** Removes the timer with this id, if any. */
    void cancel(String timerId);

    /** Removes every EXECUTION timer of the execution. */
    void cancelForExecution(String executionId);

    /**
     * Moves every due EXECUTION timer (up to {@code limit}) to the work queue of the same persistence and
     * deletes it, atomically per timer. Returns how many moved.
     */
    int moveDueToQueue(Instant now, int limit);

    /** Leases up to {@code limit} due SCHEDULE timers, earliest first. */
    List<DueTimer> claimDueSchedules(String owner, int limit, Instant now, Duration lease);

    /**
     * Finishes a claimed SCHEDULE timer: deletes it, or replaces it with its next occurrence, in one step.
     */
    void completeSchedule(DueTimer fired, Optional<DueTimer> next);

    Optional<DueTimer> find(String timerId);

    /** The earliest due time of any timer, for an idle engine deciding when to look again. */
    Optional<Instant> nextDueAt();
}
