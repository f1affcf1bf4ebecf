package io.memberautomation.core.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.WorkLease;
import io.memberautomation.spi.store.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WorkQueue}: one entry per execution keeping its earliest availability, leases
 * with fencing tokens that change with every claim, lapsed leases claimable again, a deterministic claim
 * order, and safety under concurrent claimers.
 *
 * <p>One guarantee goes beyond the letter of the SPI and is checked here because losing it loses work:
 * an execution enqueued again while leased (a timer came due while a worker ran it) stays queued when
 * that lease completes, from the time it was enqueued.
 *
 * <p>To run it against your store: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope (plus junit-jupiter and assertj-core), extend this class in
 * a test named {@code *Test}, and implement {@link #newPersistence()} to return an empty persistence.
 * The tests use fixed instants from {@link #now()}, never the system clock, and never sleep.
 */
public abstract class WorkQueueContract {
    private static final String ORG = "org-a";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private WorkQueue queue;

    /** A new persistence holding nothing; called before every test. */
    protected abstract Persistence newPersistence();

    /** The base time of every test. */
    protected Instant now() {
        return Instant.parse("2030-01-01T09:00:00Z");
    }

    @BeforeEach
    void setUpQueue() {
        queue = newPersistence().queue();
    }

    @Test
    void claim_whenEntriesAreAvailable_leasesThemByAvailabilityThenId() {
        queue.enqueue("c", ORG, now());
        queue.enqueue("a", ORG, now().plusSeconds(1));
        queue.enqueue("b", ORG, now());

        List<WorkLease> leases = queue.claim("node-a", 10, now().plusSeconds(1), LEASE);

        assertThat(leases).extracting(WorkLease::executionId).containsExactly("b", "c", "a");
        assertThat(leases).allSatisfy(lease -> {
            assertThat(lease.owner()).isEqualTo("node-a");
            assertThat(lease.leaseUntil()).isEqualTo(now().plusSeconds(1).plus(LEASE));
        });
    }

    @Test
    void claim_beforeTheAvailabilityTime_returnsNothing() {
        queue.enqueue("x1", ORG, now().plusSeconds(30));

        assertThat(queue.claim("node-a", 10, now().plusSeconds(29), LEASE)).isEmpty();
        assertThat(queue.claim("node-a", 10, now().plusSeconds(30), LEASE)).hasSize(1);
    }

    @Test
    void claim_withALimit_leasesAtMostThatManyInOrder() {
        for (String id : List.of("x5", "x4", "x3", "x2", "x1")) {
            queue.enqueue(id, ORG, now());
        }

        List<WorkLease> first = queue.claim("node-a", 2, now(), LEASE);
        List<WorkLease> second = queue.claim("node-a", 2, now(), LEASE);

        assertThat(first).extracting(WorkLease::executionId).containsExactly("x1", "x2");
        assertThat(second).extracting(WorkLease::executionId).containsExactly("x3", "x4");
    }

    @Test
    void enqueue_whenAlreadyQueued_keepsOneEntryAtTheEarlierAvailability() {
        queue.enqueue("x1", ORG, now().plusSeconds(600));
        queue.enqueue("x1", ORG, now().plusSeconds(300));
        queue.enqueue("x1", ORG, now().plusSeconds(900));

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.claim("node-a", 10, now().plusSeconds(299), LEASE)).isEmpty();
        assertThat(queue.claim("node-a", 10, now().plusSeconds(300), LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1");
    }

    @Test
    void claim_whileALeaseHolds_skipsTheExecution() {
        queue.enqueue("x1", ORG, now());
        queue.claim("node-a", 10, now(), LEASE);

        assertThat(queue.claim("node-b", 10, now().plusSeconds(59), LEASE)).isEmpty();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void claim_afterTheLeaseLapsed_leasesItAgainWithANewFencingToken() {
        queue.enqueue("x1", ORG, now());
        WorkLease first = queue.claim("node-a", 10, now(), LEASE).get(0);

        List<WorkLease> again = queue.claim("node-b", 10, first.leaseUntil(), LEASE);

        assertThat(again).hasSize(1);
        assertThat(again.get(0).owner()).isEqualTo("node-b");
        assertThat(again.get(0).fencingToken()).isNotEqualTo(first.fencingToken());
    }

    @Test
    void claim_givesEveryClaimItsOwnFencingToken() {
        queue.enqueue("x1", ORG, now());
        queue.enqueue("x2", ORG, now());
        List<WorkLease> first = queue.claim("node-a", 10, now(), LEASE);
        first.forEach(lease -> queue.release(lease, now()));

        List<WorkLease> second = queue.claim("node-a", 10, now(), LEASE);

        List<Long> tokens = new ArrayList<>();
        first.forEach(lease -> tokens.add(lease.fencingToken()));
        second.forEach(lease -> tokens.add(lease.fencingToken()));
        assertThat(tokens).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void enqueue_whileLeased_leavesTheLeaseAlone() {
        queue.enqueue("x1", ORG, now().plusSeconds(5));
        WorkLease lease = queue.claim("node-a", 10, now().plusSeconds(5), LEASE).get(0);

        queue.enqueue("x1", ORG, now());

        assertThat(queue.claim("node-b", 10, now().plusSeconds(30), LEASE)).isEmpty();
        assertThat(queue.extend(List.of(lease), now().plusSeconds(30), LEASE)).hasSize(1);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void complete_whenWorkWasEnqueuedDuringTheLease_keepsItQueuedFromThatTime() {
        queue.enqueue("x1", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);
        queue.enqueue("x1", ORG, now().plusSeconds(10));

        queue.complete(lease);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.claim("node-b", 10, now().plusSeconds(9), LEASE)).isEmpty();
        assertThat(queue.claim("node-b", 10, now().plusSeconds(10), LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1");
    }

    @Test
    void isEmpty_asEntriesComeAndGo_agreesWithSize() {
        assertThat(queue.isEmpty()).as("a new queue").isTrue();
        queue.enqueue("x1", ORG, now().plus(Duration.ofHours(1)));
        assertThat(queue.isEmpty()).as("an entry not yet available").isFalse();
        queue.enqueue("x2", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);
        assertThat(queue.isEmpty()).as("one entry leased, one waiting").isFalse();

        queue.complete(lease);
        assertThat(queue.isEmpty()).as("one entry left").isFalse();
        queue.complete(queue.claim("node-a", 10, now().plus(Duration.ofHours(1)), LEASE).get(0));

        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void complete_withTheCurrentLease_removesTheEntry() {
        queue.enqueue("x1", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);

        queue.complete(lease);

        assertThat(queue.size()).isZero();
        assertThat(queue.claim("node-a", 10, now().plus(Duration.ofHours(1)), LEASE)).isEmpty();
    }

    @Test
    void complete_withALeaseThatWasClaimedAgain_changesNothing() {
        queue.enqueue("x1", ORG, now());
        WorkLease stale = queue.claim("node-a", 10, now(), LEASE).get(0);
        Instant afterLapse = now().plus(LEASE).plusSeconds(1);
        WorkLease current = queue.claim("node-b", 10, afterLapse, LEASE).get(0);

        queue.complete(stale);
        queue.release(stale, afterLapse);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.claim("node-c", 10, afterLapse.plusSeconds(10), LEASE)).isEmpty();
        queue.complete(current);
        assertThat(queue.size()).isZero();
    }

    @Test
    void release_withTheCurrentLease_makesTheEntryClaimableAgainFromTheGivenTime() {
        queue.enqueue("x1", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);

        queue.release(lease, now().plusSeconds(20));

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.claim("node-b", 10, now().plusSeconds(19), LEASE)).isEmpty();
        assertThat(queue.claim("node-b", 10, now().plusSeconds(20), LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1");
    }

    @Test
    void extend_whileTheLeaseIsHeld_keepsOtherClaimantsOutLonger() {
        queue.enqueue("x1", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);
        Instant heartbeat = now().plusSeconds(50);

        List<WorkLease> extended = queue.extend(List.of(lease), heartbeat, LEASE);

        assertThat(extended).hasSize(1);
        assertThat(extended.get(0).leaseUntil()).isEqualTo(heartbeat.plus(LEASE));
        assertThat(extended.get(0).fencingToken()).isEqualTo(lease.fencingToken());
        assertThat(queue.claim("node-b", 10, heartbeat.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
        assertThat(queue.claim("node-b", 10, heartbeat.plus(LEASE), LEASE)).hasSize(1);
    }

    @Test
    void extend_whenTheLeaseWasClaimedAgain_returnsNothing() {
        queue.enqueue("x1", ORG, now());
        WorkLease stale = queue.claim("node-a", 10, now(), LEASE).get(0);
        Instant afterLapse = now().plus(LEASE).plusSeconds(1);
        WorkLease current = queue.claim("node-b", 10, afterLapse, LEASE).get(0);

        assertThat(queue.extend(List.of(stale), afterLapse, LEASE)).isEmpty();
        assertThat(queue.extend(List.of(current), afterLapse, LEASE)).hasSize(1);
    }

    @Test
    void extend_whenTheEntryWasCompleted_returnsNothing() {
        queue.enqueue("x1", ORG, now());
        WorkLease lease = queue.claim("node-a", 10, now(), LEASE).get(0);
        queue.complete(lease);

        assertThat(queue.extend(List.of(lease), now(), LEASE)).isEmpty();
        assertThat(queue.size()).isZero();
    }

    @Test
    void size_countsClaimedAndUnclaimedEntries() {
        queue.enqueue("x1", ORG, now());
        queue.enqueue("x2", ORG, now());
        queue.enqueue("x3", ORG, now().plusSeconds(60));

        queue.claim("node-a", 1, now(), LEASE);

        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void claim_whenFourThreadsClaimTwoThousandExecutions_leasesEachExactlyOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            queue.enqueue(String.format("x%04d", i), ORG, now());
        }

        List<Race.Result<List<String>>> results = Race.run(4, thread -> {
            List<String> mine = new ArrayList<>();
            List<WorkLease> batch;
            do {
                batch = queue.claim("node-" + thread, 25, now(), Duration.ofHours(1));
                batch.forEach(lease -> mine.add(lease.executionId()));
            } while (!batch.isEmpty());
            return mine;
        });

        List<String> claimed = new ArrayList<>();
        results.forEach(result -> {
            assertThat(result.succeeded()).isTrue();
            claimed.addAll(result.value());
        });
        assertThat(claimed).hasSize(2000).doesNotHaveDuplicates();
        assertThat(queue.size()).isEqualTo(2000);
    }

    @Test
    void claim_whenFourThreadsClaimAndCompleteWhileOthersEnqueue_neverLeasesOneExecutionTwiceAtOnce()
            throws Exception {
        for (int i = 0; i < 200; i++) {
            queue.enqueue(String.format("x%03d", i), ORG, now());
        }

        List<Race.Result<Integer>> results = Race.run(4, thread -> {
            int handled = 0;
            for (int round = 0; round < 50; round++) {
                List<WorkLease> batch = queue.claim("node-" + thread, 10, now(), Duration.ofHours(1));
                for (WorkLease lease : batch) {
                    queue.enqueue(lease.executionId(), ORG, now().plusSeconds(1));
                    queue.complete(lease);
                    handled++;
                }
            }
            return handled;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(results.stream().mapToInt(Race.Result::value).sum()).isEqualTo(200);
        assertThat(queue.size()).isEqualTo(200);
        assertThat(queue.claim("node-z", 1000, now().plusSeconds(1), LEASE)).hasSize(200);
    }
}
