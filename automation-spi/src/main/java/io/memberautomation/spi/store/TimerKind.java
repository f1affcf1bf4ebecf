package io.memberautomation.spi.store;

/** What a due timer wakes. */
public enum TimerKind {
    /** An execution's delay or retry backoff: when due, the execution goes back on the work queue. */
    EXECUTION,
    /** A cron or date-based fire of a scheduled automation, handled by the engine's scheduler. */
    SCHEDULE
}
