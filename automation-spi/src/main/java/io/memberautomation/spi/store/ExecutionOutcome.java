package io.memberautomation.spi.store;

/** How a completed execution ended. */
public enum ExecutionOutcome {
    /** Every branch ran to its end. */
    FINISHED,
    /** The automation's exit criteria held. */
    EXITED
}
