package io.memberautomation.spi.store;

/** The result of one step attempt, as its log entry records it. */
public enum StepStatus {
    COMPLETED,
    FAILED,
    /** An action not done for a reason of the member's (opted out, no address); the branch goes on. */
    SKIPPED,
    /** A delay started; the branch waits for its timer. */
    WAITING,
    /** The attempt failed and a retry is scheduled. */
    RETRY_SCHEDULED,
    /** The step was stopped by a cancel or by the exit criteria. */
    CANCELLED
}
