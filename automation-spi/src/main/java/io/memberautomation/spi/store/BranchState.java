package io.memberautomation.spi.store;

/** What a branch of an execution waits for. */
public enum BranchState {
    /** Its step is due to run now. */
    READY,
    /** A delay at its step ends at the branch's due time; then the branch moves past the step. */
    DELAYED,
    /** Its step failed and is retried at the branch's due time. */
    RETRY_WAIT
}
