package io.memberautomation.core.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.member.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageLedger}: a send recorded twice under one idempotency key counts once (also
 * when two threads record it at the same moment, and the first sending time stays), counts are over the
 * half-open window {@code [from, to)}, and per organization, member and channel.
 *
 * <p>To run it against your ledger: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope, extend this class in a test named {@code *Test}, and
 * implement {@link #newLedger()} to return an empty ledger. The tests use fixed instants, never the
 * system clock, and never sleep.
 */
public abstract class MessageLedgerContract {
    private static final String ORG = "org-a";
    private static final Instant T0 = Instant.parse("2030-01-01T09:00:00Z");
    private static final Instant DAY_END = T0.plusSeconds(24 * 3600);

    private MessageLedger ledger;

    /** A new ledger holding nothing; called before every test. */
    protected abstract MessageLedger newLedger();

    @BeforeEach
    void setUpLedger() {
        ledger = newLedger();
    }

    @Test
    void count_whenNothingRecorded_isZero() {
        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isZero();
    }

    @Test
    void count_whenDistinctKeysRecorded_countsEach() {
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k2");
        ledger.record(ORG, "m1", Channel.EMAIL, T0.plusSeconds(60), "k3");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(3);
    }

    @Test
    void record_whenSameKeyRecordedTwice_countsOnce() {
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(1);
    }

    @Test
    void record_whenSameKeyRecordedAgainLater_keepsTheFirstTime() {
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");
        ledger.record(ORG, "m1", Channel.EMAIL, DAY_END.plusSeconds(3600), "k1");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, T0.plusSeconds(1))).isEqualTo(1);
        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, DAY_END, DAY_END.plusSeconds(7200))).isZero();
    }

    @Test
    void record_whenThreadsRecordSameKeyAtOnce_countsOnceAndNoneFails() throws Exception {
        List<Race.Result<Boolean>> results = Race.run(8, i -> {
            ledger.record(ORG, "m1", Channel.EMAIL, T0, "k-race");
            return true;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(1);
    }

    @Test
    void record_whenThreadsRecordDistinctKeysAtOnce_countsEvery() throws Exception {
        List<Race.Result<Boolean>> results = Race.run(8, i -> {
            ledger.record(ORG, "m1", Channel.EMAIL, T0.plusSeconds(i), "k-" + i);
            return true;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(8);
    }

    @Test
    void count_whenSentAtFrom_includesIt() {
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, T0.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void count_whenSentAtTo_excludesIt() {
        ledger.record(ORG, "m1", Channel.EMAIL, DAY_END, "k1");
        ledger.record(ORG, "m1", Channel.EMAIL, T0.minusSeconds(1), "k2");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isZero();
        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0.minusSeconds(1), DAY_END.plusSeconds(1)))
                .isEqualTo(2);
    }

    @Test
    void count_whenOtherChannel_excludesIt() {
        ledger.record(ORG, "m1", Channel.SMS, T0, "k1");
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k2");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(1);
        assertThat(ledger.count(ORG, "m1", Channel.SMS, T0, DAY_END)).isEqualTo(1);
    }

    @Test
    void count_whenOtherMember_excludesIt() {
        ledger.record(ORG, "m2", Channel.EMAIL, T0, "k1");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isZero();
        assertThat(ledger.count(ORG, "m2", Channel.EMAIL, T0, DAY_END)).isEqualTo(1);
    }

    @Test
    void count_whenOtherOrganizationUsedSameMemberAndKey_countsEachSeparately() {
        ledger.record(ORG, "m1", Channel.EMAIL, T0, "k1");
        ledger.record("org-b", "m1", Channel.EMAIL, T0, "k1");
        ledger.record("org-b", "m1", Channel.EMAIL, T0, "k2");

        assertThat(ledger.count(ORG, "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(1);
        assertThat(ledger.count("org-b", "m1", Channel.EMAIL, T0, DAY_END)).isEqualTo(2);
    }
}
