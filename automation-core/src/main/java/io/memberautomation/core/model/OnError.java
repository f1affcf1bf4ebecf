package io.memberautomation.core.model;

/** What a failed action does to its execution. */
public enum OnError {
    /** The execution fails at this step (the default). */
    STOP,
    /** The failure is logged and the branch goes on. */
    CONTINUE,
    /** Retry with backoff up to {@code retryCount} more times, then as {@link #STOP}. */
    RETRY
}
