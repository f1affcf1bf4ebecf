package io.memberautomation.core.tck;

import static io.memberautomation.core.tck.StoreFixtures.commit;
import static io.memberautomation.core.tck.StoreFixtures.enrollment;
import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.executionTimer;
import static io.memberautomation.core.tck.StoreFixtures.guard;
import static io.memberautomation.core.tck.StoreFixtures.log;
import static io.memberautomation.core.tck.StoreFixtures.newExecution;
import static io.memberautomation.core.tck.StoreFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentGuard;
import io.memberautomation.spi.store.EnrollmentGuard.Mode;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.MemberUpdate;
import io.memberautomation.spi.store.NewExecution;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.memberautomation.spi.store.ExecutionStore}: atomic enrollments and commits,
 * revision and lease checks, step-log uniqueness, enrollment guards and event deduplication, scoped
 * queries.
 *
 * <p>To run it against your store: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope (plus junit-jupiter and assertj-core), extend this class in
 * a test named {@code *Test}, and implement {@link #newPersistence()} to return an empty persistence.
 * The tests use fixed instants from {@link #now()}, never the system clock, and never sleep; races run
 * on a few threads released together, each waited for at most ten seconds.
 */
public abstract class ExecutionStoreContract {
    private static final String ORG = "org-a";
    private static final String OTHER_ORG = "org-b";
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** How many times racing threads contend, so that a store without the right locking loses a race. */
    private static final int RACE_ROUNDS = 200;

    private Persistence persistence;
    private ExecutionStore store;

    /** A new persistence holding nothing; called before every test. */
    protected abstract Persistence newPersistence();

    /**
     * Stores a member in the persistence's {@link Persistence#transactionalMembers() transactional directory};
     * called only when it has one, so a persistence with one must override this.
     */
    protected void putMember(Member member) {
        throw new UnsupportedOperationException("a persistence with transactional members must override putMember");
    }

    /** The base time of every test. */
    protected Instant now() {
        return Instant.parse("2030-01-01T09:00:00Z");
    }

    @BeforeEach
    void setUpStore() {
        persistence = newPersistence();
        store = persistence.executions();
    }

    // ---- enrollment

    @Test
    void enroll_whenEventIsNew_createsEveryExecutionAndQueuesIt() {
        ExecutionRecord first = execution("x1", ORG, "welcome", "m1", now());
        ExecutionRecord second = execution("x2", ORG, "welcome", "m2", now());

        EnrollmentResult result = store.enroll(enrollment(ORG, Optional.of("e1"), now(),
                newExecution(first, EnrollmentGuard.NONE), newExecution(second, EnrollmentGuard.NONE)));

        assertThat(result.duplicateEvent()).isFalse();
        assertThat(result.created()).containsExactly("x1", "x2");
        assertThat(result.refused()).isEmpty();
        assertThat(store.find("x1")).contains(first);
        assertThat(store.find("x2")).contains(second);
        assertThat(persistence.queue().size()).isEqualTo(2);
        assertThat(persistence.queue().claim("node", 10, now(), LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1", "x2");
    }

    @Test
    void enroll_withStepLogs_recordsThemWithTheExecution() {
        ExecutionRecord record = execution("x1", ORG, "welcome", "m1", now());
        NewExecution created = new NewExecution(record, EnrollmentGuard.NONE, List.of(log("x1", 0, now())));

        store.enroll(enrollment(ORG, Optional.empty(), now(), created));

        assertThat(store.stepLogs("x1")).containsExactly(log("x1", 0, now()));
    }

    @Test
    void enroll_whenEventIdWasSeen_createsNothing() {
        store.enroll(enrollment(ORG, Optional.of("e1"), now(),
                newExecution(execution("x1", ORG, "welcome", "m1", now()), EnrollmentGuard.NONE)));

        EnrollmentResult again = store.enroll(enrollment(ORG, Optional.of("e1"), now().plusSeconds(1),
                newExecution(execution("x2", ORG, "welcome", "m1", now().plusSeconds(1)), EnrollmentGuard.NONE)));

        assertThat(again.duplicateEvent()).isTrue();
        assertThat(again.created()).isEmpty();
        assertThat(store.find("x2")).isEmpty();
        assertThat(persistence.queue().size()).isEqualTo(1);
    }

    @Test
    void enrollAll_withDuplicatesAndGuards_givesWhatSequentialEnrollsGive() {
        store.enroll(enrollment(ORG, Optional.of("e0"), now(),
                newExecution(execution("x0", ORG, "welcome", "m0", now()), EnrollmentGuard.NONE)));

        List<EnrollmentResult> results = store.enrollAll(List.of(
                enrollment(ORG, Optional.of("e1"), now(),
                        newExecution(execution("x1", ORG, "welcome", "m1", now()), guard(Mode.ONCE))),
                enrollment(ORG, Optional.of("e0"), now(),
                        newExecution(execution("x2", ORG, "welcome", "m2", now()), EnrollmentGuard.NONE)),
                enrollment(ORG, Optional.of("e1"), now(),
                        newExecution(execution("x3", ORG, "welcome", "m3", now()), EnrollmentGuard.NONE)),
                enrollment(ORG, Optional.of("e2"), now().plusSeconds(1),
                        newExecution(execution("x4", ORG, "welcome", "m1", now().plusSeconds(1)), guard(Mode.ONCE))),
                enrollment(ORG, Optional.empty(), now(),
                        newExecution(execution("x5", ORG, "renewal", "m1", now()), guard(Mode.ONE_AT_A_TIME))),
                enrollment(ORG, Optional.empty(), now(),
                        newExecution(execution("x6", ORG, "renewal", "m1", now()), guard(Mode.ONE_AT_A_TIME)))));

        assertThat(results).extracting(EnrollmentResult::duplicateEvent)
                .containsExactly(false, true, true, false, false, false);
        assertThat(results).extracting(EnrollmentResult::created).containsExactly(
                List.of("x1"), List.of(), List.of(), List.of(), List.of("x5"), List.of());
        assertThat(results).extracting(EnrollmentResult::refused).containsExactly(
                List.of(), List.of(), List.of(), List.of("x4"), List.of(), List.of("x6"));
        assertThat(store.find("x2")).isEmpty();
        assertThat(store.find("x4")).isEmpty();
        assertThat(store.find("x6")).isEmpty();
        assertThat(persistence.queue().size()).isEqualTo(3);
    }

    @Test
    void enrollAll_whenEmpty_returnsNoResults() {
        assertThat(store.enrollAll(List.of())).isEmpty();
    }

    @Test
    void enroll_whenEventIdWasSeenInAnotherOrganization_enrollsAgain() {
        store.enroll(enrollment(ORG, Optional.of("e1"), now(),
                newExecution(execution("x1", ORG, "welcome", "m1", now()), EnrollmentGuard.NONE)));

        EnrollmentResult other = store.enroll(enrollment(OTHER_ORG, Optional.of("e1"), now(),
                newExecution(execution("x2", OTHER_ORG, "welcome", "m1", now()), EnrollmentGuard.NONE)));

        assertThat(other.duplicateEvent()).isFalse();
        assertThat(other.created()).containsExactly("x2");
    }

    @Test
    void enroll_whenEventCreatedNoExecution_stillRemembersItsId() {
        store.enroll(enrollment(ORG, Optional.of("e1"), now()));

        EnrollmentResult again = store.enroll(enrollment(ORG, Optional.of("e1"), now(),
                newExecution(execution("x1", ORG, "welcome", "m1", now()), EnrollmentGuard.NONE)));

        assertThat(again.duplicateEvent()).isTrue();
        assertThat(store.find("x1")).isEmpty();
    }

    @Test
    void enroll_withoutEventId_isNeverADuplicate() {
        store.enroll(enrollmentOf(execution("x1", ORG, "welcome", "m1", now())));

        EnrollmentResult second = store.enroll(enrollmentOf(execution("x2", ORG, "welcome", "m1", now())));

        assertThat(second.duplicateEvent()).isFalse();
        assertThat(second.created()).containsExactly("x2");
    }

    @Test
    void enroll_whenFourThreadsDeliverTheSameEvents_enrollsEachEventOnce() throws Exception {
        List<Race.Result<Integer>> results = Race.run(4, thread -> {
            int created = 0;
            for (int k = 0; k < RACE_ROUNDS; k++) {
                String id = "x" + k + "-" + thread;
                EnrollmentResult result = store.enroll(enrollment(ORG, Optional.of("e" + k), now(),
                        newExecution(execution(id, ORG, "welcome", "m" + id, now()), EnrollmentGuard.NONE)));
                assertThat(result.duplicateEvent()).isEqualTo(result.created().isEmpty());
                created += result.created().size();
            }
            return created;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        assertThat(results.stream().mapToInt(Race.Result::value).sum()).isEqualTo(RACE_ROUNDS);
        assertThat(pageThrough(ExecutionQuery.all(ORG, 100))).hasSize(RACE_ROUNDS);
        assertThat(persistence.queue().size()).isEqualTo(RACE_ROUNDS);
    }

    /**
     * Even rounds deliver the same events in opposite orders, odd rounds distinct events whose guard rows are
     * the same members' in opposite orders: neither may deadlock.
     */
    @Test
    void enrollAll_whenFourThreadsEnrollTheSameMembersInOppositeOrders_enrollsEachEventOnce() throws Exception {
        int members = 5;
        List<Race.Result<Integer>> results = Race.run(4, thread -> {
            int created = 0;
            for (int k = 0; k < RACE_ROUNDS; k++) {
                List<Enrollment> batch = new ArrayList<>();
                for (int i = 0; i < members; i++) {
                    int member = thread % 2 == 0 ? i : members - 1 - i;
                    String id = "x" + k + "-" + member + "-" + thread;
                    String eventId = "e" + k + "-" + member + (k % 2 == 0 ? "" : "-" + thread % 2);
                    batch.add(enrollment(ORG, Optional.of(eventId), now(),
                            newExecution(execution(id, ORG, "welcome", "m" + member, now()), guard(Mode.EVERY_TIME))));
                }
                for (EnrollmentResult result : store.enrollAll(batch)) {
                    assertThat(result.duplicateEvent()).isEqualTo(result.created().isEmpty());
                    created += result.created().size();
                }
            }
            return created;
        });

        assertThat(results).allMatch(Race.Result::succeeded);
        int expected = RACE_ROUNDS / 2 * members + RACE_ROUNDS / 2 * 2 * members;
        assertThat(results.stream().mapToInt(Race.Result::value).sum()).isEqualTo(expected);
        assertThat(persistence.queue().size()).isEqualTo(expected);
    }

    @Test
    void enroll_underOnce_refusesTheMemberEvenAfterTheFirstExecutionEnded() {
        ExecutionRecord first = execution("x1", ORG, "welcome", "m1", now());
        store.enroll(enrollment(ORG, Optional.empty(), now(), newExecution(first, guard(Mode.ONCE))));
        store.commit(commit(next(first, ExecutionStatus.COMPLETED, now().plusSeconds(1))));

        EnrollmentResult second = store.enroll(enrollment(ORG, Optional.empty(), now().plusSeconds(2),
                newExecution(execution("x2", ORG, "welcome", "m1", now().plusSeconds(2)), guard(Mode.ONCE))));

        assertThat(second.created()).isEmpty();
        assertThat(second.refused()).containsExactly("x2");
        assertThat(store.find("x2")).isEmpty();
    }

    @Test
    void enroll_underOneAtATime_refusesWhileAnExecutionIsUnfinishedAndAdmitsOnceItEnded() {
        ExecutionRecord first = execution("x1", ORG, "welcome", "m1", now());
        store.enroll(enrollment(ORG, Optional.empty(), now(), newExecution(first, guard(Mode.ONE_AT_A_TIME))));
        store.commit(commit(next(first, ExecutionStatus.WAITING, now().plusSeconds(1))));

        EnrollmentResult whileWaiting = enrollOneAtATime("x2", "m1", now().plusSeconds(2));
        store.commit(commit(next(store.find("x1").orElseThrow(), ExecutionStatus.CANCELLED, now().plusSeconds(3))));
        EnrollmentResult afterCancel = enrollOneAtATime("x3", "m1", now().plusSeconds(4));

        assertThat(whileWaiting.refused()).containsExactly("x2");
        assertThat(afterCancel.created()).containsExactly("x3");
    }

    @Test
    void enroll_underOneAtATime_whenExecutionFailed_admitsAgain() {
        ExecutionRecord first = execution("x1", ORG, "welcome", "m1", now());
        store.enroll(enrollment(ORG, Optional.empty(), now(), newExecution(first, guard(Mode.ONE_AT_A_TIME))));
        store.commit(commit(next(first, ExecutionStatus.FAILED, now().plusSeconds(1))));

        assertThat(enrollOneAtATime("x2", "m1", now().plusSeconds(2)).created()).containsExactly("x2");
    }

    @Test
    void enroll_underOneAtATime_blocksOnlyTheSameAutomationAndMember() {
        enrollOneAtATime("x1", "m1", now());

        EnrollmentResult otherMember = enrollOneAtATime("x2", "m2", now());
        EnrollmentResult otherAutomation = store.enroll(enrollment(ORG, Optional.empty(), now(),
                newExecution(execution("x3", ORG, "renewal", "m1", now()), guard(Mode.ONE_AT_A_TIME))));
        EnrollmentResult otherOrganization = store.enroll(enrollment(OTHER_ORG, Optional.empty(), now(),
                newExecution(execution("x4", OTHER_ORG, "welcome", "m1", now()), guard(Mode.ONE_AT_A_TIME))));

        assertThat(otherMember.created()).containsExactly("x2");
        assertThat(otherAutomation.created()).containsExactly("x3");
        assertThat(otherOrganization.created()).containsExactly("x4");
    }

    @Test
    void enroll_whenOneOfSeveralIsRefused_createsTheOthers() {
        enrollOneAtATime("x1", "m1", now());

        EnrollmentResult result = store.enroll(enrollment(ORG, Optional.of("e2"), now(),
                newExecution(execution("x2", ORG, "welcome", "m1", now()), guard(Mode.ONE_AT_A_TIME)),
                newExecution(execution("x3", ORG, "welcome", "m2", now()), guard(Mode.ONE_AT_A_TIME))));

        assertThat(result.created()).containsExactly("x3");
        assertThat(result.refused()).containsExactly("x2");
        assertThat(store.find("x3")).isPresent();
        assertThat(store.find("x2")).isEmpty();
    }

    @Test
    void enroll_underEveryTime_admitsBesideUnfinishedExecutions() {
        store.enroll(enrollment(ORG, Optional.empty(), now(),
                newExecution(execution("x1", ORG, "welcome", "m1", now()), guard(Mode.EVERY_TIME))));

        EnrollmentResult second = store.enroll(enrollment(ORG, Optional.empty(), now(),
                newExecution(execution("x2", ORG, "welcome", "m1", now()), guard(Mode.EVERY_TIME))));

        assertThat(second.created()).containsExactly("x2");
    }

    @Test
    void enroll_withCooldown_refusesUntilTheCooldownPassedSinceThePreviousEnrollment() {
        EnrollmentGuard daily = new EnrollmentGuard(Mode.EVERY_TIME, Optional.of(Duration.ofDays(1)));
        Instant day = now();

        EnrollmentResult first = enrollWith(daily, "x1", day);
        EnrollmentResult tooSoon = enrollWith(daily, "x2", day.plus(Duration.ofHours(23)));
        EnrollmentResult dayLater = enrollWith(daily, "x3", day.plus(Duration.ofDays(1)));
        EnrollmentResult soonAfterThat = enrollWith(daily, "x4", day.plus(Duration.ofHours(25)));

        assertThat(first.created()).containsExactly("x1");
        assertThat(tooSoon.refused()).containsExactly("x2");
        assertThat(dayLater.created()).containsExactly("x3");
        assertThat(soonAfterThat.refused()).containsExactly("x4");
    }

    @Test
    void enroll_withCooldownUnderOneAtATime_needsBothTheEndAndTheCooldown() {
        EnrollmentGuard guard = new EnrollmentGuard(Mode.ONE_AT_A_TIME, Optional.of(Duration.ofHours(1)));
        enrollWith(guard, "x1", now());
        store.commit(commit(next(store.find("x1").orElseThrow(), ExecutionStatus.COMPLETED, now().plusSeconds(60))));

        EnrollmentResult endedButCooling = enrollWith(guard, "x2", now().plus(Duration.ofMinutes(30)));
        EnrollmentResult afterCooldown = enrollWith(guard, "x3", now().plus(Duration.ofMinutes(60)));

        assertThat(endedButCooling.refused()).containsExactly("x2");
        assertThat(afterCooldown.created()).containsExactly("x3");
    }

    @Test
    void enroll_withoutMember_ignoresTheGuard() {
        store.enroll(enrollment(ORG, Optional.empty(), now(),
                newExecution(execution("x1", ORG, "digest", Optional.empty(), now()), guard(Mode.ONCE))));

        EnrollmentResult second = store.enroll(enrollment(ORG, Optional.empty(), now(),
                newExecution(execution("x2", ORG, "digest", Optional.empty(), now()), guard(Mode.ONCE))));

        assertThat(second.created()).containsExactly("x2");
    }

    @Test
    void enroll_whenFourThreadsEnrollTheSameMembersUnderOneAtATime_createsOneExecutionPerMember() throws Exception {
        List<Integer> created = raceToEnrollSameMembers(guard(Mode.ONE_AT_A_TIME));

        assertThat(created.stream().mapToInt(Integer::intValue).sum()).isEqualTo(RACE_ROUNDS);
        for (int k = 0; k < RACE_ROUNDS; k++) {
            assertThat(store.findUnfinished(ORG, "m" + k)).hasSize(1);
        }
    }

    @Test
    void enroll_whenFourThreadsEnrollTheSameMembersUnderOnce_createsOneExecutionPerMember() throws Exception {
        List<Integer> created = raceToEnrollSameMembers(guard(Mode.ONCE));

        assertThat(created.stream().mapToInt(Integer::intValue).sum()).isEqualTo(RACE_ROUNDS);
        assertThat(pageThrough(ExecutionQuery.all(ORG, 100))).hasSize(RACE_ROUNDS);
    }

    /** Four threads each enroll members m0, m1, ... in turn, under distinct event ids; returns how many each created. */
    private List<Integer> raceToEnrollSameMembers(EnrollmentGuard guard) throws Exception {
        List<Race.Result<Integer>> results = Race.run(4, thread -> {
            int created = 0;
            for (int k = 0; k < RACE_ROUNDS; k++) {
                String id = "x" + k + "-" + thread;
                created += store.enroll(enrollment(ORG, Optional.of("e-" + id), now(),
                        newExecution(execution(id, ORG, "welcome", "m" + k, now()), guard))).created().size();
            }
            return created;
        });
        assertThat(results).allMatch(Race.Result::succeeded);
        return results.stream().map(Race.Result::value).toList();
    }

    // ---- commit

    @Test
    void commit_whenRevisionMatches_replacesTheRecordAndAppendsTheLogs() {
        ExecutionRecord created = enrolled("x1", "m1");
        ExecutionRecord running = next(created, ExecutionStatus.RUNNING, Map.of("s1", Map.of("ok", true)), 2,
                now().plusSeconds(1));

        store.commit(commit(running, List.of(log("x1", 0, now()), log("x1", 1, now())), List.of(), Optional.empty(),
                Optional.empty()));

        assertThat(store.find("x1")).contains(running);
        assertThat(store.find("x1").orElseThrow().revision()).isEqualTo(2);
        assertThat(store.stepLogs("x1")).extracting(StepLogEntry::sequence).containsExactly(0, 1);
    }

    @Test
    void commit_whenRevisionIsStale_throwsConcurrentUpdateAndAppliesNothing() {
        ExecutionRecord created = enrolled("x1", "m1");
        ExecutionRecord winner = next(created, ExecutionStatus.RUNNING, Map.of(), 1, now().plusSeconds(1));
        store.commit(commit(winner, List.of(log("x1", 0, now())), List.of(), Optional.empty(), Optional.empty()));
        ExecutionRecord loser = next(created, ExecutionStatus.WAITING, Map.of("late", 1), 2, now().plusSeconds(2));

        assertThatThrownBy(() -> store.commit(commit(loser, List.of(log("x1", 1, now())),
                List.of(executionTimer("x1", ORG, "b0", now().plusSeconds(60))), Optional.empty(),
                Optional.of(now())))).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find("x1")).contains(winner);
        assertThat(store.stepLogs("x1")).extracting(StepLogEntry::sequence).containsExactly(0);
        assertThat(persistence.timers().find("x1/b0")).isEmpty();
    }

    @Test
    void commit_whenEightThreadsCommitTheSameRevision_exactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "x" + round;
            ExecutionRecord created = enrolled(id, "m" + round);

            List<Race.Result<Integer>> results = Race.run(8, i -> {
                store.commit(commit(next(created, ExecutionStatus.RUNNING, Map.of("writer", i), 0, now())));
                return i;
            });

            List<Race.Result<Integer>> winners = results.stream().filter(Race.Result::succeeded).toList();
            assertThat(winners).hasSize(1);
            assertThat(results.stream().filter(r -> !r.succeeded()).map(Race.Result::error))
                    .allMatch(ConcurrentUpdateException.class::isInstance);
            ExecutionRecord stored = store.find(id).orElseThrow();
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored.stepOutputs()).containsEntry("writer", winners.get(0).value());
        }
    }

    @Test
    void commit_whenALogSequenceIsWritten_throwsConcurrentUpdateAndAppliesNothing() {
        ExecutionRecord created = enrolled("x1", "m1");
        ExecutionRecord second = next(created, ExecutionStatus.RUNNING, Map.of(), 1, now());
        store.commit(commit(second, List.of(log("x1", 0, now())), List.of(), Optional.empty(), Optional.empty()));
        ExecutionRecord third = next(second, ExecutionStatus.COMPLETED, now().plusSeconds(1));

        assertThatThrownBy(() -> store.commit(commit(third, List.of(log("x1", 0, now().plusSeconds(1))), List.of(),
                Optional.empty(), Optional.empty()))).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find("x1")).contains(second);
        assertThat(store.stepLogs("x1")).containsExactly(log("x1", 0, now()));
    }

    @Test
    void commit_whenExecutionIsUnknown_throwsConcurrentUpdate() {
        ExecutionRecord ghost = next(execution("ghost", ORG, "welcome", "m1", now()), ExecutionStatus.RUNNING, now());

        assertThatThrownBy(() -> store.commit(commit(ghost))).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find("ghost")).isEmpty();
    }

    @Test
    void commit_underTheCurrentLeaseWithoutRequeue_removesTheQueueEntry() {
        ExecutionRecord created = enrolled("x1", "m1");
        WorkLease lease = claimOne("node-a", now());

        store.commit(commit(next(created, ExecutionStatus.WAITING, now()), List.of(),
                List.of(executionTimer("x1", ORG, "b0", now().plus(Duration.ofDays(1)))), Optional.of(lease),
                Optional.empty()));

        assertThat(persistence.queue().size()).isZero();
        assertThat(persistence.timers().find("x1/b0")).isPresent();
    }

    @Test
    void commit_underTheCurrentLeaseWithRequeueAt_makesItClaimableFromThenWithANewLease() {
        ExecutionRecord created = enrolled("x1", "m1");
        WorkLease lease = claimOne("node-a", now());
        Instant later = now().plus(Duration.ofHours(1));

        store.commit(commit(next(created, ExecutionStatus.RUNNING, now()), List.of(), List.of(), Optional.of(lease),
                Optional.of(later)));

        assertThat(persistence.queue().claim("node-b", 10, later.minusSeconds(1), LEASE)).isEmpty();
        List<WorkLease> reclaimed = persistence.queue().claim("node-b", 10, later, LEASE);
        assertThat(reclaimed).extracting(WorkLease::executionId).containsExactly("x1");
        assertThat(reclaimed.get(0).fencingToken()).isNotEqualTo(lease.fencingToken());
    }

    @Test
    void commit_whenTheLeaseLapsedAndWasClaimedAgain_throwsConcurrentUpdateAndAppliesNothing() {
        ExecutionRecord created = enrolled("x1", "m1");
        WorkLease stale = claimOne("node-a", now());
        Instant afterLapse = now().plus(LEASE).plusSeconds(1);
        WorkLease current = persistence.queue().claim("node-b", 10, afterLapse, LEASE).get(0);
        ExecutionRecord fromStale = next(created, ExecutionStatus.COMPLETED, afterLapse);

        assertThatThrownBy(() -> store.commit(commit(fromStale, List.of(log("x1", 0, afterLapse)), List.of(),
                Optional.of(stale), Optional.empty()))).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find("x1")).contains(created);
        assertThat(store.stepLogs("x1")).isEmpty();
        store.commit(commit(fromStale, List.of(), List.of(), Optional.of(current), Optional.empty()));
        assertThat(store.find("x1")).contains(fromStale);
        assertThat(persistence.queue().size()).isZero();
    }

    @Test
    void commit_whenTheLeaseWasCompleted_throwsConcurrentUpdate() {
        ExecutionRecord created = enrolled("x1", "m1");
        WorkLease lease = claimOne("node-a", now());
        persistence.queue().complete(lease);

        assertThatThrownBy(() -> store.commit(commit(next(created, ExecutionStatus.RUNNING, now()), List.of(),
                List.of(), Optional.of(lease), Optional.empty()))).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find("x1")).contains(created);
    }

    @Test
    void commit_withoutLeaseWithRequeueAt_queuesTheExecution() {
        ExecutionRecord created = enrolled("x1", "m1");
        persistence.queue().complete(claimOne("node-a", now()));

        store.commit(commit(next(created, ExecutionStatus.RUNNING, now()), List.of(), List.of(), Optional.empty(),
                Optional.of(now().plusSeconds(5))));

        assertThat(persistence.queue().claim("node-a", 10, now().plusSeconds(5), LEASE))
                .extracting(WorkLease::executionId).containsExactly("x1");
    }

    @Test
    void commit_withTimers_schedulesThemInTheSamePersistenceToWakeTheExecution() {
        ExecutionRecord created = enrolled("x1", "m1");
        WorkLease lease = claimOne("node-a", now());
        Instant due = now().plus(Duration.ofDays(3));

        store.commit(commit(next(created, ExecutionStatus.WAITING, now()), List.of(),
                List.of(executionTimer("x1", ORG, "b0", due)), Optional.of(lease), Optional.empty()));

        assertThat(persistence.timers().nextDueAt()).contains(due);
        assertThat(persistence.timers().moveDueToQueue(due, 100)).isEqualTo(1);
        assertThat(persistence.queue().claim("node-a", 10, due, LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x1");
    }

    @Test
    void commit_withCancelTimers_replacesOnlyThisExecutionsTimers() {
        ExecutionRecord created = enrolled("x1", "m1");
        enrolled("x2", "m2");
        ExecutionRecord waiting = next(created, ExecutionStatus.WAITING, now());
        store.commit(commit(waiting, List.of(), List.of(executionTimer("x1", ORG, "b0", now().plusSeconds(60)),
                executionTimer("x1", ORG, "b1", now().plusSeconds(90))), Optional.empty(), Optional.empty()));
        persistence.timers().schedule(executionTimer("x2", ORG, "b0", now().plusSeconds(60)));

        store.commit(new ExecutionCommit(next(waiting, ExecutionStatus.WAITING, now()), List.of(),
                List.of(executionTimer("x1", ORG, "b2", now().plusSeconds(120))), true, Optional.empty(),
                Optional.empty()));

        assertThat(persistence.timers().find("x1/b0")).isEmpty();
        assertThat(persistence.timers().find("x1/b1")).isEmpty();
        assertThat(persistence.timers().find("x1/b2")).isPresent();
        assertThat(persistence.timers().find("x2/b0")).isPresent();
    }

    @Test
    void commitAll_whenOneCommitConflicts_appliesTheOthersAndReportsIt() {
        ExecutionRecord first = enrolled("x1", "m1");
        ExecutionRecord second = enrolled("x2", "m2");
        ExecutionRecord stale = execution("x2", ORG, "welcome", "m2", now());
        store.commit(commit(next(second, ExecutionStatus.RUNNING, now())));

        List<CommitResult> results = store.commitAll(List.of(commit(next(first, ExecutionStatus.RUNNING, now())),
                commit(next(stale, ExecutionStatus.FAILED, now()))));

        assertThat(results).containsExactly(CommitResult.applied("x1", List.of()), CommitResult.refused("x2"));
        assertThat(store.find("x1").orElseThrow().revision()).isEqualTo(2);
        assertThat(store.find("x2").orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    // ---- member updates

    @Test
    void commit_withMemberUpdate_changesTheStoredMemberWithTheStep_orIsRejectedWithoutTransactionalMembers() {
        ExecutionRecord created = enrolled("x1", "m1");
        ExecutionCommit tagging = new ExecutionCommit(next(created, ExecutionStatus.RUNNING, Map.of(), 1, now()),
                List.of(log("x1", 0, now())), List.of(), false, Optional.empty(), Optional.empty(),
                List.of(new MemberUpdate(ORG, "m1", MemberPatch.addTag("vip"), 0)));
        if (persistence.transactionalMembers().isEmpty()) {
            assertThatThrownBy(() -> store.commit(tagging)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.find("x1")).contains(created);
            assertThat(store.stepLogs("x1")).isEmpty();
            return;
        }
        MemberDirectory members = persistence.transactionalMembers().get();
        putMember(new Member("m1", ORG, Map.of("tags", List.of("new"))));
        putMember(new Member("m1", ORG, Map.of("tags", List.of("new"), "city", "Lyon")));

        List<MemberChange> changes = store.commit(tagging);

        Member after = members.find(ORG, "m1").orElseThrow();
        assertThat(after.tags()).containsExactly("new", "vip");
        assertThat(after.field("city")).contains("Lyon");
        assertThat(changes).containsExactly(new MemberChange(
                Optional.of(new Member("m1", ORG, Map.of("tags", List.of("new"), "city", "Lyon"))), after));
        assertThat(store.stepLogs("x1")).extracting(StepLogEntry::sequence).containsExactly(0);
    }

    @Test
    void commit_withMemberUpdate_whenRevisionIsStale_changesNeitherTheMemberNorTheLog() {
        ExecutionRecord created = enrolled("x1", "m1");
        persistence.transactionalMembers().ifPresent(members -> putMember(new Member("m1", ORG, Map.of())));
        store.commit(commit(next(created, ExecutionStatus.RUNNING, now())));
        ExecutionCommit stale = new ExecutionCommit(next(created, ExecutionStatus.RUNNING, Map.of(), 1, now()),
                List.of(log("x1", 0, now())), List.of(), false, Optional.empty(), Optional.empty(),
                List.of(new MemberUpdate(ORG, "m1", MemberPatch.setField("plan", "gold"), 0)));

        assertThatThrownBy(() -> store.commit(stale))
                .isInstanceOfAny(ConcurrentUpdateException.class, IllegalArgumentException.class);
        List<CommitResult> batch = persistence.transactionalMembers().isPresent()
                ? store.commitAll(List.of(stale)) : List.of(CommitResult.refused("x1"));

        assertThat(batch).containsExactly(CommitResult.refused("x1"));
        assertThat(store.stepLogs("x1")).isEmpty();
        persistence.transactionalMembers().ifPresent(members ->
                assertThat(members.find(ORG, "m1").orElseThrow().fields()).isEmpty());
    }

    // ---- reads

    @Test
    void stepLogs_whenWrittenOutOfOrderAcrossCommits_areReturnedInSequenceOrder() {
        ExecutionRecord created = enrolled("x1", "m1");
        ExecutionRecord second = next(created, ExecutionStatus.RUNNING, Map.of(), 2, now());
        store.commit(commit(second, List.of(log("x1", 1, now()), log("x1", 0, now())), List.of(), Optional.empty(),
                Optional.empty()));
        store.commit(commit(next(second, ExecutionStatus.RUNNING, Map.of(), 4, now()),
                List.of(log("x1", 3, now()), log("x1", 2, now())), List.of(), Optional.empty(), Optional.empty()));

        assertThat(store.stepLogs("x1")).extracting(StepLogEntry::sequence).containsExactly(0, 1, 2, 3);
    }

    @Test
    void findAll_whenSomeIdsAreUnknown_returnsTheExistingExecutionsOnly() {
        ExecutionRecord first = enrolled("x1", "m1");
        ExecutionRecord second = enrolled("x2", "m2");
        enrolled("x3", "m3");

        assertThat(store.findAll(List.of("x2", "nope", "x1"))).containsExactlyInAnyOrder(first, second);
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void find_whenExecutionIsUnknown_isEmpty() {
        assertThat(store.find("missing")).isEmpty();
        assertThat(store.stepLogs("missing")).isEmpty();
    }

    @Test
    void query_whenPagedThrough_returnsEveryExecutionOnceInCreationThenIdOrder() {
        List<ExecutionRecord> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Instant created = now().plus(Duration.ofMinutes((24 - i) / 3));
            ExecutionRecord record = execution(String.format("x%02d", i), ORG, "welcome", "m" + i, created);
            store.enroll(enrollmentOf(record));
            expected.add(record);
        }
        store.enroll(enrollmentOf(execution("other", OTHER_ORG, "welcome", "m1", now())));
        expected.sort(Comparator.comparing(ExecutionRecord::createdAt).thenComparing(ExecutionRecord::id));

        List<ExecutionRecord> seen = pageThrough(ExecutionQuery.all(ORG, 7));

        assertThat(seen).extracting(ExecutionRecord::id)
                .containsExactlyElementsOf(expected.stream().map(ExecutionRecord::id).toList());
    }

    @Test
    void query_withFilters_returnsOnlyMatchingExecutions() {
        ExecutionRecord early = execution("x1", ORG, "welcome", "m1", now());
        ExecutionRecord otherAutomation = execution("x2", ORG, "renewal", "m1", now().plusSeconds(10));
        ExecutionRecord otherMember = execution("x3", ORG, "welcome", "m2", now().plusSeconds(20));
        ExecutionRecord late = execution("x4", ORG, "welcome", "m1", now().plusSeconds(30));
        for (ExecutionRecord record : List.of(early, otherAutomation, otherMember, late)) {
            store.enroll(enrollmentOf(record));
        }
        store.commit(commit(next(late, ExecutionStatus.COMPLETED, now().plusSeconds(40))));

        ExecutionQuery welcomeOfM1 = new ExecutionQuery(ORG, Optional.of("welcome"), Optional.of("m1"), Set.of(),
                Optional.empty(), Optional.empty(), 10, Optional.empty());
        ExecutionQuery completed = new ExecutionQuery(ORG, Optional.empty(), Optional.empty(),
                Set.of(ExecutionStatus.COMPLETED), Optional.empty(), Optional.empty(), 10, Optional.empty());
        ExecutionQuery window = new ExecutionQuery(ORG, Optional.empty(), Optional.empty(), Set.of(),
                Optional.of(now().plusSeconds(10)), Optional.of(now().plusSeconds(30)), 10, Optional.empty());

        assertThat(pageThrough(welcomeOfM1)).extracting(ExecutionRecord::id).containsExactly("x1", "x4");
        assertThat(pageThrough(completed)).extracting(ExecutionRecord::id).containsExactly("x4");
        assertThat(pageThrough(window)).extracting(ExecutionRecord::id).containsExactly("x2", "x3");
    }

    @Test
    void query_whenFilteredAndPaged_returnsEveryMatchOnce() {
        for (int i = 0; i < 30; i++) {
            store.enroll(enrollmentOf(execution(String.format("x%02d", i), ORG, i % 3 == 0 ? "renewal" : "welcome",
                    "m" + (i % 4), now().plusSeconds(i))));
        }
        ExecutionQuery renewals = new ExecutionQuery(ORG, Optional.of("renewal"), Optional.empty(), Set.of(),
                Optional.of(now().plusSeconds(3)), Optional.empty(), 3, Optional.empty());

        assertThat(pageThrough(renewals)).extracting(ExecutionRecord::id)
                .containsExactly("x03", "x06", "x09", "x12", "x15", "x18", "x21", "x24", "x27");
    }

    @Test
    void query_isScopedToItsOrganization() {
        store.enroll(enrollmentOf(execution("x1", ORG, "welcome", "m1", now())));
        store.enroll(enrollmentOf(execution("x2", OTHER_ORG, "welcome", "m1", now())));

        ExecutionQuery ofMember = new ExecutionQuery(OTHER_ORG, Optional.empty(), Optional.of("m1"), Set.of(),
                Optional.empty(), Optional.empty(), 10, Optional.empty());

        assertThat(pageThrough(ExecutionQuery.all(ORG, 10))).extracting(ExecutionRecord::id).containsExactly("x1");
        assertThat(pageThrough(ofMember)).extracting(ExecutionRecord::id).containsExactly("x2");
        assertThat(pageThrough(ExecutionQuery.all("org-none", 10))).isEmpty();
    }

    @Test
    void findUnfinished_returnsTheMembersLiveExecutionsOfThatOrganizationOnly() {
        ExecutionRecord live = enrolled("x1", "m1");
        ExecutionRecord ended = execution("x2", ORG, "renewal", "m1", now());
        store.enroll(enrollmentOf(ended));
        store.commit(commit(next(ended, ExecutionStatus.COMPLETED, now())));
        enrolled("x3", "m2");
        store.enroll(enrollmentOf(execution("x4", OTHER_ORG, "welcome", "m1", now())));

        assertThat(store.findUnfinished(ORG, "m1")).containsExactly(live);
        assertThat(store.findUnfinished(ORG, "m9")).isEmpty();
    }

    private ExecutionRecord enrolled(String executionId, String memberId) {
        ExecutionRecord record = execution(executionId, ORG, "welcome", memberId, now());
        assertThat(store.enroll(enrollmentOf(record)).created()).containsExactly(executionId);
        return record;
    }

    private EnrollmentResult enrollOneAtATime(String executionId, String memberId, Instant at) {
        return enrollWith(guard(Mode.ONE_AT_A_TIME), executionId, memberId, at);
    }

    private EnrollmentResult enrollWith(EnrollmentGuard guard, String executionId, Instant at) {
        return enrollWith(guard, executionId, "m1", at);
    }

    private EnrollmentResult enrollWith(EnrollmentGuard guard, String executionId, String memberId, Instant at) {
        return store.enroll(enrollment(ORG, Optional.empty(), at,
                newExecution(execution(executionId, ORG, "welcome", memberId, at), guard)));
    }

    private WorkLease claimOne(String owner, Instant at) {
        List<WorkLease> leases = persistence.queue().claim(owner, 10, at, LEASE);
        assertThat(leases).hasSize(1);
        return leases.get(0);
    }

    private List<ExecutionRecord> pageThrough(ExecutionQuery query) {
        List<ExecutionRecord> seen = new ArrayList<>();
        ExecutionQuery current = query;
        for (int pages = 0; pages < 1000; pages++) {
            ExecutionPage page = store.query(current);
            assertThat(page.executions().size()).isLessThanOrEqualTo(query.limit());
            seen.addAll(page.executions());
            if (page.nextCursor().isEmpty()) {
                assertThat(seen).extracting(ExecutionRecord::id).doesNotHaveDuplicates();
                return seen;
            }
            current = query.withCursor(page.nextCursor().get());
        }
        throw new AssertionError("query never ended: " + query);
    }
}
