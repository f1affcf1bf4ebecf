package io.memberautomation.spi.store;

/** Where an execution stands. The last three are terminal. */
public enum ExecutionStatus {
    /** Enrolled; its first step has not run yet. */
    PENDING,
    /** A worker is running, or is about to run, one of its steps. */
    RUNNING,
    /** Every live branch waits on a timer (a delay or a retry backoff). */
    WAITING,
    /** Held by an execution-level or automation-level pause. */
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
