package io.memberautomation.core.store;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.delivery.AdminNotification;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.SmsMessage;
import io.memberautomation.spi.delivery.StaffTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordingChannelsTest {

    @Test
    void emailSender_byDefault_recordsEveryCallInArrivalOrder() {
        RecordingEmailSender sender = new RecordingEmailSender();

        DeliveryReceipt receipt = sender.send(email("k1", "first"));
        sender.send(email("k2", "second"));
        sender.send(email("k1", "first again"));

        assertThat(receipt.providerMessageId()).isEqualTo("k1");
        assertThat(sender.sent()).extracting(EmailMessage::subject).containsExactly("first", "second", "first again");
        assertThat(sender.distinctKeys()).containsExactly("k1", "k2");
    }

    @Test
    void emailSender_whenDeduplicating_recordsOnlyTheFirstCallPerKey() {
        RecordingEmailSender sender = new RecordingEmailSender(true);

        sender.send(email("k1", "first"));
        DeliveryReceipt again = sender.send(email("k1", "first again"));

        assertThat(again.providerMessageId()).isEqualTo("k1");
        assertThat(sender.sent()).extracting(EmailMessage::subject).containsExactly("first");
    }

    @Test
    void sent_returnsASnapshotThatLaterCallsAndClearDoNotChange() {
        RecordingEmailSender sender = new RecordingEmailSender();
        sender.send(email("k1", "first"));

        List<EmailMessage> snapshot = sender.sent();
        sender.send(email("k2", "second"));
        sender.clear();

        assertThat(snapshot).hasSize(1);
        assertThat(sender.sent()).isEmpty();
        assertThat(sender.distinctKeys()).isEmpty();
        assertThatThrownBy(() -> snapshot.add(email("k3", "x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void smsSender_recordsMessagesAndDeduplicatesWhenAsked() {
        RecordingSmsSender plain = new RecordingSmsSender();
        RecordingSmsSender deduplicating = new RecordingSmsSender(true);

        for (RecordingSmsSender sender : List.of(plain, deduplicating)) {
            sender.send(new SmsMessage("org-a", "m1", "+33600000000", "Hi", "k1"));
            sender.send(new SmsMessage("org-a", "m1", "+33600000000", "Hi", "k1"));
        }

        assertThat(plain.sent()).hasSize(2);
        assertThat(deduplicating.sent()).hasSize(1);
        assertThat(deduplicating.distinctKeys()).containsExactly("k1");
    }

    @Test
    void taskSink_recordsTasksInArrivalOrder() {
        RecordingTaskSink sink = new RecordingTaskSink();

        sink.create(task("k1", "Call Ada"));
        sink.create(task("k2", "Send card"));

        assertThat(sink.created()).extracting(StaffTask::title).containsExactly("Call Ada", "Send card");
        sink.clear();
        assertThat(sink.created()).isEmpty();
    }

    @Test
    void adminNotifier_whenDeduplicating_keepsOneNotificationPerKey() {
        RecordingAdminNotifier notifier = new RecordingAdminNotifier(true);

        notifier.notify(new AdminNotification("org-a", Optional.of("m1"), "Payment failed", Optional.empty(), "k1"));
        notifier.notify(new AdminNotification("org-a", Optional.of("m1"), "Payment failed", Optional.empty(), "k1"));
        notifier.notify(new AdminNotification("org-a", Optional.empty(), "Digest", Optional.of("slack"), "k2"));

        assertThat(notifier.notifications()).extracting(AdminNotification::message)
                .containsExactly("Payment failed", "Digest");
    }

    @Test
    void emailSender_whenEightThreadsSendAtOnce_recordsEveryMessage() throws Exception {
        RecordingEmailSender sender = new RecordingEmailSender();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                futures.add(pool.submit(() -> {
                    assertThat(start.await(10, SECONDS)).isTrue();
                    for (int i = 0; i < 250; i++) {
                        sender.send(email("k-" + t + "-" + i, "s"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, SECONDS)).isTrue();
        }

        assertThat(sender.sent()).hasSize(2000);
        assertThat(sender.distinctKeys()).hasSize(2000);
    }

    private static EmailMessage email(String key, String subject) {
        return new EmailMessage("org-a", "m1", "ada@example.org", subject, "body", Optional.empty(), "welcome",
                Map.of(), key);
    }

    private static StaffTask task(String key, String title) {
        return new StaffTask("org-a", Optional.of("m1"), title, Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("2030-01-02T00:00:00Z")), key);
    }
}
