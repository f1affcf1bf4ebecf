package io.memberautomation.core.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.delivery.EmailSendLog;
import io.memberautomation.spi.delivery.EmailSendRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EmailSendLog}: every record is kept as it was given, a member's records read back
 * in the order they were recorded, a retried send (the same idempotency key again) is kept as one record
 * per attempt, and reads are scoped to the organization and member.
 *
 * <p>To run it against your log: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope, extend this class in a test named {@code *Test}, and
 * implement {@link #newLog()} to return an empty log. The tests use fixed instants and never sleep.
 */
public abstract class EmailSendLogContract {
    private static final String ORG = "org-a";
    private static final Instant T0 = Instant.parse("2030-01-01T09:00:00Z");

    private EmailSendLog log;

    /** A new log holding nothing; called before every test. */
    protected abstract EmailSendLog newLog();

    @BeforeEach
    void setUpLog() {
        log = newLog();
    }

    private static EmailSendRecord send(String org, String member, String status, Instant at, String key) {
        Optional<String> providerId = status.equals("sent") ? Optional.of("provider-" + key) : Optional.empty();
        return new EmailSendRecord(org, member, "welcome", member + "@example.org", status, at, key, providerId);
    }

    @Test
    void forMember_whenNothingRecorded_isEmpty() {
        assertThat(log.forMember(ORG, "m1")).isEmpty();
    }

    @Test
    void forMember_whenRecorded_returnsEveryFieldAsGiven() {
        EmailSendRecord sent = send(ORG, "m1", "sent", T0, "k1");
        EmailSendRecord skipped = new EmailSendRecord(ORG, "m1", "renewal", "other@example.org", "skipped",
                T0.plusSeconds(1), "k2", Optional.empty());
        log.record(sent);
        log.record(skipped);

        assertThat(log.forMember(ORG, "m1")).containsExactly(sent, skipped);
    }

    @Test
    void forMember_whenRecordedAtOneInstant_keepsRecordingOrder() {
        List<String> keys = List.of("k3", "k1", "k2");
        keys.forEach(key -> log.record(send(ORG, "m1", "sent", T0, key)));

        assertThat(log.forMember(ORG, "m1")).extracting(EmailSendRecord::idempotencyKey)
                .containsExactlyElementsOf(keys);
    }

    @Test
    void forMember_whenSendRetriedWithSameKey_keepsOneRecordPerAttempt() {
        EmailSendRecord failed = send(ORG, "m1", "failed", T0, "k1");
        EmailSendRecord retried = send(ORG, "m1", "sent", T0.plusSeconds(60), "k1");
        log.record(failed);
        log.record(retried);

        assertThat(log.forMember(ORG, "m1")).containsExactly(failed, retried);
    }

    @Test
    void forMember_whenSameRecordGivenTwice_keepsBoth() {
        EmailSendRecord sent = send(ORG, "m1", "sent", T0, "k1");
        log.record(sent);
        log.record(sent);

        assertThat(log.forMember(ORG, "m1")).containsExactly(sent, sent);
    }

    @Test
    void forMember_whenOtherMembersAndOrganizationsRecorded_returnsOnlyTheMembersOwn() {
        EmailSendRecord own = send(ORG, "m1", "sent", T0, "k1");
        log.record(send(ORG, "m2", "sent", T0, "k2"));
        log.record(own);
        log.record(send("org-b", "m1", "sent", T0, "k1"));

        assertThat(log.forMember(ORG, "m1")).containsExactly(own);
        assertThat(log.forMember("org-b", "m1")).hasSize(1);
        assertThat(log.forMember("org-c", "m1")).isEmpty();
    }

    @Test
    void record_whenThreadsRecordAtOnce_keepsEvery() throws Exception {
        List<Race.Result<Boolean>> results = Race.run(8, i -> {
            log.record(send(ORG, "m1", "sent", T0.plusSeconds(i), "k-" + i));
            return true;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(log.forMember(ORG, "m1")).extracting(EmailSendRecord::idempotencyKey).hasSize(8)
                .doesNotHaveDuplicates();
    }
}
