package io.memberautomation.jdbc;

import static io.memberautomation.core.tck.StoreFixtures.scheduleTimer;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Leases on the database's clock (the default): their ends come from the database, and an engine clock far
 * ahead takes over nothing. Due times stay on the engine's clock (a date in 2030 here, far from the
 * database's). Run on each database by a subclass.
 */
abstract class LeaseClockCases {
    private static final String ORG = "org-a";
    private static final Instant ENGINE_NOW = Instant.parse("2030-01-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    protected abstract DatabaseFixture database();

    @Test
    void claim_onTheDatabaseClock_leasesUntilTheDatabasesNowPlusTheLease() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.queue().enqueue("x1", ORG, ENGINE_NOW);
        Instant before = Instant.now();

        WorkLease lease = persistence.queue().claim("node-a", 10, ENGINE_NOW, LEASE).get(0);

        assertThat(lease.leaseUntil()).isBetween(before.plus(LEASE).minusSeconds(5),
                Instant.now().plus(LEASE).plusSeconds(5));
    }

    @Test
    void claim_whenTheEngineClockIsFarPastTheLease_leavesALiveLeaseAlone() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.queue().enqueue("x1", ORG, ENGINE_NOW);
        persistence.queue().claim("node-a", 10, ENGINE_NOW, LEASE);

        assertThat(persistence.queue().claim("node-b", 10, ENGINE_NOW.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void claim_whenTheEngineClockIsBehindTheLease_takesOverALeaseLapsedOnTheDatabaseClock() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.queue().enqueue("x1", ORG, ENGINE_NOW);
        WorkLease first = persistence.queue().claim("node-a", 10, ENGINE_NOW, Duration.ofMillis(1)).get(0);

        List<WorkLease> again = eventually(() -> persistence.queue().claim("node-b", 10, ENGINE_NOW, LEASE));

        assertThat(again).extracting(WorkLease::executionId).containsExactly("x1");
        assertThat(again.get(0).fencingToken()).isNotEqualTo(first.fencingToken());
    }

    @Test
    void extend_onTheDatabaseClock_extendsFromTheDatabasesNow() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.queue().enqueue("x1", ORG, ENGINE_NOW);
        WorkLease lease = persistence.queue().claim("node-a", 10, ENGINE_NOW, Duration.ofSeconds(1)).get(0);
        Instant before = Instant.now();

        List<WorkLease> extended = persistence.queue().extend(List.of(lease), ENGINE_NOW, LEASE);

        assertThat(extended).singleElement().satisfies(held -> assertThat(held.leaseUntil())
                .isBetween(before.plus(LEASE).minusSeconds(5), Instant.now().plus(LEASE).plusSeconds(5)));
        assertThat(persistence.queue().claim("node-b", 10, ENGINE_NOW.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void claimDueSchedules_whenTheEngineClockIsFarPastTheLease_leavesALiveClaimAlone() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.timers().schedule(schedule());
        assertThat(persistence.timers().claimDueSchedules("node-a", 10, ENGINE_NOW, LEASE)).hasSize(1);

        assertThat(persistence.timers().claimDueSchedules("node-b", 10, ENGINE_NOW.plus(Duration.ofDays(1)), LEASE))
                .isEmpty();
    }

    @Test
    void claimDueSchedules_afterTheClaimLapsedOnTheDatabaseClockAndTheEngineClockPassedIt_claimsAgain() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.timers().schedule(schedule());
        persistence.timers().claimDueSchedules("node-a", 10, ENGINE_NOW, Duration.ofMillis(1));
        assertThat(persistence.timers().claimDueSchedules("node-b", 10, ENGINE_NOW, LEASE))
                .as("the engine clock has not passed the claim's end yet").isEmpty();

        List<DueTimer> again = eventually(() -> persistence.timers().claimDueSchedules("node-b", 10,
                ENGINE_NOW.plusSeconds(1), LEASE));

        assertThat(again).containsExactly(schedule());
    }

    private static DueTimer schedule() {
        return scheduleTimer("s1", ORG, "digest", ENGINE_NOW);
    }

    /** Polls until the database's clock passed a short lease: a bounded wait on a condition. */
    private static <T> List<T> eventually(Supplier<List<T>> claim) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> claimed = claim.get();
            if (!claimed.isEmpty()) {
                return claimed;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return List.of();
    }
}
