package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.EmailSender;
import java.util.List;
import java.util.Set;

/**
 * Records email instead of sending it: the zero-setup default and what tests and the {@code simulate} tool read
 * sent mail from. Its receipt's provider message id is the idempotency key.
 *
 * <p>Thread-safe; keeps what it was given in arrival order. By default it records every call, as a
 * channel without deduplication would deliver it, so a test can see a step that ran twice; built with
 * {@code deduplicate = true} it records only the first call per idempotency key, as a provider that
 * honours the key would deliver. {@link #distinctKeys()} tells the distinct keys either way.
 */
public final class RecordingEmailSender implements EmailSender {
    private final Recorder<EmailMessage> recorder;

    /** A channel that records every call. */
    public RecordingEmailSender() {
        this(false);
    }

    /**
     * A channel that records every call, or only the first call per idempotency key.
     *
     * @param deduplicate record only the first call per idempotency key
     */
    public RecordingEmailSender(boolean deduplicate) {
        this.recorder = new Recorder<>(deduplicate, EmailMessage::idempotencyKey);
    }

    @Override
    public DeliveryReceipt send(EmailMessage message) {
        recorder.record(message);
        return new DeliveryReceipt(message.idempotencyKey());
    }

    /** What was recorded, in arrival order; an immutable snapshot. */
    public List<EmailMessage> sent() {
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
