package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.AdminNotification;
import io.memberautomation.spi.delivery.AdminNotifier;
import java.util.List;
import java.util.Set;

/**
 * Records admin notifications: the zero-setup default and what tests and the {@code simulate} tool read
 * notifications from.
 *
 * <p>Thread-safe; keeps what it was given in arrival order. By default it records every call, as a
 * channel without deduplication would deliver it, so a test can see a step that ran twice; built with
 * {@code deduplicate = true} it records only the first call per idempotency key, as a provider that
 * honours the key would deliver. {@link #distinctKeys()} tells the distinct keys either way.
 */
public final class RecordingAdminNotifier implements AdminNotifier {
    private final Recorder<AdminNotification> recorder;

    /** A channel that records every call. */
    public RecordingAdminNotifier() {
        this(false);
    }

    /**
     * A channel that records every call, or only the first call per idempotency key.
     *
     * @param deduplicate record only the first call per idempotency key
     */
    public RecordingAdminNotifier(boolean deduplicate) {
        this.recorder = new Recorder<>(deduplicate, AdminNotification::idempotencyKey);
    }

    @Override
    public void notify(AdminNotification notification) {
        recorder.record(notification);
    }

    /** What was recorded, in arrival order; an immutable snapshot. */
    public List<AdminNotification> notifications() {
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
