package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.SmsMessage;
import io.memberautomation.spi.delivery.SmsSender;
import java.util.List;
import java.util.Set;

/**
 * Records SMS instead of sending them: the zero-setup default and what tests and the {@code simulate} tool read
 * sent messages from. Its receipt's provider message id is the idempotency key.
 *
 * <p>Thread-safe; keeps what it was given in arrival order. By default it records every call, as a
 * channel without deduplication would deliver it, so a test can see a step that ran twice; built with
 * {@code deduplicate = true} it records only the first call per idempotency key, as a provider that
 * honours the key would deliver. {@link #distinctKeys()} tells the distinct keys either way.
 */
public final class RecordingSmsSender implements SmsSender {
    private final Recorder<SmsMessage> recorder;

    /** A channel that records every call. */
    public RecordingSmsSender() {
        this(false);
    }

    /**
     * A channel that records every call, or only the first call per idempotency key.
     *
     * @param deduplicate record only the first call per idempotency key
     */
    public RecordingSmsSender(boolean deduplicate) {
        this.recorder = new Recorder<>(deduplicate, SmsMessage::idempotencyKey);
    }

    @Override
    public DeliveryReceipt send(SmsMessage message) {
        recorder.record(message);
        return new DeliveryReceipt(message.idempotencyKey());
    }

    /** What was recorded, in arrival order; an immutable snapshot. */
    public List<SmsMessage> sent() {
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
