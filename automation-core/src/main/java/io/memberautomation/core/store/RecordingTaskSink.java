package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.StaffTask;
import io.memberautomation.spi.delivery.TaskSink;
import java.util.List;
import java.util.Set;

/**
 * Records staff tasks: the zero-setup default and what tests and the {@code simulate} tool read created
 * tasks from.
 *
 * <p>Thread-safe; keeps what it was given in arrival order. By default it records every call, as a
 * channel without deduplication would deliver it, so a test can see a step that ran twice; built with
 * {@code deduplicate = true} it records only the first call per idempotency key, as a provider that
 * honours the key would deliver. {@link #distinctKeys()} tells the distinct keys either way.
 */
public final class RecordingTaskSink implements TaskSink {
    private final Recorder<StaffTask> recorder;

    /** A channel that records every call. */
    public RecordingTaskSink() {
        this(false);
    }

    /**
     * A channel that records every call, or only the first call per idempotency key.
     *
     * @param deduplicate record only the first call per idempotency key
     */
    public RecordingTaskSink(boolean deduplicate) {
        this.recorder = new Recorder<>(deduplicate, StaffTask::idempotencyKey);
    }

    @Override
    public void create(StaffTask task) {
        recorder.record(task);
    }

    /** What was recorded, in arrival order; an immutable snapshot. */
    public List<StaffTask> created() {
        return recorder.snapshot();
    }

    /** The idempotency keys seen, in the order first seen. */
    public Set<String> distinctKeys() {
        return recorder.distinctKeys();
    }

    /** Forgets everything recorded, keys included. */
    public void clear() {
        recorder.clear();
    }
}
