package io.memberautomation.core.tck;

import static io.memberautomation.core.tck.StoreFixtures.executionTimer;
import static io.memberautomation.core.tck.StoreFixtures.scheduleTimer;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.TimerStore;
import io.memberautomation.spi.store.WorkLease;
import io.memberautomation.spi.store.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TimerStore}: timers replace by id, due EXECUTION timers move to the work queue
 * of the same persistence exactly once, SCHEDULE timers are handed out under leases that lapse, and a
 * late completion of a lapsed claim changes nothing.
 *
 * <p>To run it against your store: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope (plus junit-jupiter and assertj-core), extend this class in
 * a test named {@code *Test}, and implement {@link #newPersistence()} to return an empty persistence.
 * The tests use fixed instants from {@link #now()}, never the system clock, and never sleep.
 */
public abstract class TimerStoreContract {
    private static final String ORG = "org-a";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private TimerStore timers;
    private WorkQueue queue;

    /** A new persistence holding nothing; called before every test. */
    protected abstract Persistence newPersistence();

    /** The base time of every test. */
    protected Instant now() {
        return Instant.parse("2030-01-01T09:00:00Z");
    }

    @BeforeEach
    void setUpTimers() {
        Persistence persistence = newPersistence();
        timers = persistence.timers();
        queue = persistence.queue();
    }

    @Test
    void schedule_whenNew_canBeFoundById() {
        DueTimer timer = executionTimer("x1", ORG, "b0", at(60));

        timers.schedule(timer);

        assertThat(timers.find("x1/b0")).contains(timer);
        assertThat(timers.find("x1/b1")).isEmpty();
    }

    @Test
    void schedule_whenIdExists_replacesTheTimer() {
        timers.schedule(executionTimer("x1", ORG, "b0", at(60)));
        DueTimer moved = executionTimer("x1", ORG, "b0", at(120));

        timers.schedule(moved);

        assertThat(timers.find("x1/b0")).contains(moved);
        assertThat(timers.nextDueAt()).contains(at(120));
        assertThat(timers.moveDueToQueue(at(60), 100)).isZero();
        assertThat(timers.moveDueToQueue(at(120), 100)).isEqualTo(1);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void schedule_whenAScheduleTimerIsReplaced_isDueAtTheNewTimeOnly() {
        timers.schedule(scheduleTimer("birthday/m1", ORG, "birthday", at(60)));
        DueTimer moved = scheduleTimer("birthday/m1", ORG, "birthday", at(3600));

        timers.schedule(moved);

        assertThat(timers.claimDueSchedules("node-a", 10, at(60), LEASE)).isEmpty();
        assertThat(timers.claimDueSchedules("node-a", 10, at(3600), LEASE)).containsExactly(moved);
    }

    @Test
    void cancel_removesTheTimer() {
        timers.schedule(executionTimer("x1", ORG, "b0", at(60)));

        timers.cancel("x1/b0");
        timers.cancel("never-there");

        assertThat(timers.find("x1/b0")).isEmpty();
        assertThat(timers.nextDueAt()).isEmpty();
        assertThat(timers.moveDueToQueue(at(60), 100)).isZero();
    }

    @Test
    void cancelForExecution_removesOnlyThatExecutionsExecutionTimers() {
        timers.schedule(executionTimer("x1", ORG, "b0", at(60)));
        timers.schedule(executionTimer("x1", ORG, "b1", at(90)));
        timers.schedule(executionTimer("x2", ORG, "b0", at(60)));
        timers.schedule(scheduleTimer("x1", ORG, "x1", at(60)));

        timers.cancelForExecution("x1");

        assertThat(timers.find("x1/b0")).isEmpty();
        assertThat(timers.find("x1/b1")).isEmpty();
        assertThat(timers.find("x2/b0")).isPresent();
        assertThat(timers.find("x1")).isPresent();
    }

    @Test
    void moveDueToQueue_queuesDueExecutionTimersAndDeletesThem() {
        timers.schedule(executionTimer("x1", ORG, "b0", at(60)));
        timers.schedule(executionTimer("x2", ORG, "b0", at(120)));
        timers.schedule(scheduleTimer("digest", ORG, "digest", at(30)));

        int moved = timers.moveDueToQueue(at(60), 100);

        assertThat(moved).isEqualTo(1);
        assertThat(timers.find("x1/b0")).isEmpty();
        assertThat(timers.find("x2/b0")).isPresent();
        assertThat(timers.find("digest")).isPresent();
        assertThat(queue.claim("node-a", 10, at(60), LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1");
    }

    @Test
    void moveDueToQueue_withALimit_movesTheEarliestFirst() {
        for (int i = 5; i >= 1; i--) {
            timers.schedule(executionTimer("x" + i, ORG, "b0", at(i * 60L)));
        }

        int moved = timers.moveDueToQueue(at(600), 2);

        assertThat(moved).isEqualTo(2);
        assertThat(timers.find("x1/b0")).isEmpty();
        assertThat(timers.find("x2/b0")).isEmpty();
        assertThat(timers.find("x3/b0")).isPresent();
        assertThat(timers.moveDueToQueue(at(600), 100)).isEqualTo(3);
    }

    @Test
    void moveDueToQueue_whenTheExecutionIsQueued_keepsOneEntryAtTheEarlierTime() {
        queue.enqueue("x1", ORG, at(0));
        timers.schedule(executionTimer("x1", ORG, "b0", at(60)));
        timers.schedule(executionTimer("x1", ORG, "b1", at(90)));

        timers.moveDueToQueue(at(90), 100);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.claim("node-a", 10, at(0), LEASE)).extracting(WorkLease::executionId).containsExactly("x1");
    }

    @Test
    void moveDueToQueue_whenTwoThreadsMove_movesEveryTimerOnce() throws Exception {
        for (int i = 0; i < 1000; i++) {
            timers.schedule(executionTimer(String.format("x%04d", i), ORG, "b0", at(i % 60)));
        }

        List<Race.Result<Integer>> results = Race.run(2, thread -> {
            int moved = 0;
            int batch;
            do {
                batch = timers.moveDueToQueue(at(60), 50);
                moved += batch;
            } while (batch > 0);
            return moved;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(results.stream().mapToInt(Race.Result::value).sum()).isEqualTo(1000);
        assertThat(queue.size()).isEqualTo(1000);
        assertThat(timers.nextDueAt()).isEmpty();
    }

    @Test
    void claimDueSchedules_leasesDueSchedulesEarliestFirstAndNeverExecutionTimers() {
        DueTimer second = scheduleTimer("s2", ORG, "digest", at(120));
        DueTimer first = scheduleTimer("s1", ORG, "renewal", at(60));
        timers.schedule(second);
        timers.schedule(first);
        timers.schedule(scheduleTimer("s3", ORG, "digest", at(600)));
        timers.schedule(executionTimer("x1", ORG, "b0", at(0)));

        List<DueTimer> claimed = timers.claimDueSchedules("node-a", 10, at(300), LEASE);

        assertThat(claimed).containsExactly(first, second);
        assertThat(timers.find("s1")).contains(first);
    }

    @Test
    void claimDueSchedules_withALimit_leasesAtMostThatMany() {
        for (int i = 1; i <= 4; i++) {
            timers.schedule(scheduleTimer("s" + i, ORG, "digest", at(i)));
        }

        assertThat(timers.claimDueSchedules("node-a", 3, at(60), LEASE)).extracting(DueTimer::id)
                .containsExactly("s1", "s2", "s3");
        assertThat(timers.claimDueSchedules("node-a", 3, at(60), LEASE)).extracting(DueTimer::id)
                .containsExactly("s4");
    }

    @Test
    void claimDueSchedules_whileLeased_skipsThemAndAfterTheLeaseLapsed_leasesThemAgain() {
        DueTimer schedule = scheduleTimer("s1", ORG, "digest", at(60));
        timers.schedule(schedule);
        timers.claimDueSchedules("node-a", 10, at(60), LEASE);

        List<DueTimer> whileHeld = timers.claimDueSchedules("node-b", 10, at(60).plus(LEASE).minusSeconds(1), LEASE);
        List<DueTimer> afterLapse = timers.claimDueSchedules("node-b", 10, at(60).plus(LEASE), LEASE);

        assertThat(whileHeld).isEmpty();
        assertThat(afterLapse).containsExactly(schedule);
    }

    @Test
    void completeSchedule_withANextOccurrence_replacesTheTimerWithIt() {
        DueTimer fired = scheduleTimer("s1", ORG, "digest", at(60));
        timers.schedule(fired);
        timers.claimDueSchedules("node-a", 10, at(60), LEASE);
        DueTimer next = scheduleTimer("s1", ORG, "digest", at(86_460));

        timers.completeSchedule(fired, Optional.of(next));

        assertThat(timers.find("s1")).contains(next);
        assertThat(timers.claimDueSchedules("node-b", 10, at(86_459), LEASE)).isEmpty();
        assertThat(timers.claimDueSchedules("node-b", 10, at(86_460), LEASE)).containsExactly(next);
    }

    @Test
    void completeSchedule_withANextOccurrenceUnderAnotherId_deletesTheFiredAndSchedulesTheNext() {
        DueTimer fired = scheduleTimer("digest@1", ORG, "digest", at(60));
        timers.schedule(fired);
        timers.claimDueSchedules("node-a", 10, at(60), LEASE);
        DueTimer next = scheduleTimer("digest@2", ORG, "digest", at(3_660));

        timers.completeSchedule(fired, Optional.of(next));

        assertThat(timers.find("digest@1")).isEmpty();
        assertThat(timers.find("digest@2")).contains(next);
    }

    @Test
    void completeSchedule_withoutNextOccurrence_deletesTheTimer() {
        DueTimer fired = scheduleTimer("s1", ORG, "digest", at(60));
        timers.schedule(fired);
        timers.claimDueSchedules("node-a", 10, at(60), LEASE);

        timers.completeSchedule(fired, Optional.empty());

        assertThat(timers.find("s1")).isEmpty();
        assertThat(timers.claimDueSchedules("node-a", 10, at(86_400), LEASE)).isEmpty();
    }

    @Test
    void completeSchedule_whenTheClaimLapsedAndAnotherNodeCompletedIt_changesNothing() {
        DueTimer fired = scheduleTimer("s1", ORG, "digest", at(60));
        timers.schedule(fired);
        timers.claimDueSchedules("node-a", 10, at(60), LEASE);
        Instant afterLapse = at(60).plus(LEASE);
        assertThat(timers.claimDueSchedules("node-b", 10, afterLapse, LEASE)).containsExactly(fired);
        DueTimer nextByB = scheduleTimer("s1", ORG, "digest", at(86_460));
        timers.completeSchedule(fired, Optional.of(nextByB));

        timers.completeSchedule(fired, Optional.of(scheduleTimer("s1", ORG, "digest", at(90_000))));

        assertThat(timers.find("s1")).contains(nextByB);
    }

    @Test
    void claimDueSchedules_whenFourThreadsClaim_leasesEachScheduleOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            timers.schedule(scheduleTimer(String.format("s%03d", i), ORG, "digest", at(i % 10)));
        }

        List<Race.Result<List<String>>> results = Race.run(4, thread -> {
            List<String> mine = new ArrayList<>();
            List<DueTimer> batch;
            do {
                batch = timers.claimDueSchedules("node-" + thread, 10, at(10), Duration.ofHours(1));
                batch.forEach(timer -> mine.add(timer.id()));
            } while (!batch.isEmpty());
            return mine;
        });

        List<String> claimed = new ArrayList<>();
        results.forEach(result -> {
            assertThat(result.succeeded()).isTrue();
            claimed.addAll(result.value());
        });
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void nextDueAt_returnsTheEarliestDueTimeOfAnyTimer() {
        assertThat(timers.nextDueAt()).isEmpty();

        timers.schedule(executionTimer("x1", ORG, "b0", at(7200)));
        timers.schedule(scheduleTimer("s1", ORG, "digest", at(3600)));
        timers.schedule(executionTimer("x2", ORG, "b0", at(5400)));

        assertThat(timers.nextDueAt()).contains(at(3600));
    }

    private Instant at(long secondsAfterNow) {
        return now().plusSeconds(secondsAfterNow);
    }
}
