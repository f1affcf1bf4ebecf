package io.memberautomation.jdbc;

import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.executionTimer;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.BranchState;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Reconciler}: re-creates lost timers of waiting executions, and only those. */
abstract class ReconcilerCases {
    private static final String ORG = "org-a";
    private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(1));

    private JdbcPersistence persistence;

    protected abstract DatabaseFixture database();

    @BeforeEach
    void setUpPersistence() {
        persistence = database().newPersistence();
    }

    @Test
    void reconcile_whenAWaitingExecutionLostItsTimer_recreatesItAtTheBranchDueTime() {
        waitingWithTimer("x1");
        persistence.timers().cancel("x1/b0");

        int recreated = persistence.reconciler().reconcile(NOW);

        assertThat(recreated).isEqualTo(1);
        assertThat(persistence.timers().find("x1/b0")).contains(DueTimer.forExecution("x1", ORG, "b0", DUE));
        assertThat(persistence.timers().moveDueToQueue(DUE, 10)).isEqualTo(1);
        assertThat(persistence.queue().claim("node", 10, DUE, Duration.ofMinutes(1)))
                .extracting(WorkLease::executionId).containsExactly("x1");
    }

    @Test
    void reconcile_whenEveryTimerIsThere_createsNothing() {
        waitingWithTimer("x1");
        waitingWithTimer("x2");
        persistence.timers().cancel("x2/b0");
        persistence.reconciler().reconcile(NOW);

        assertThat(persistence.reconciler().reconcile(NOW)).isZero();
        assertThat(persistence.timers().find("x1/b0")).isPresent();
        assertThat(persistence.timers().find("x2/b0")).isPresent();
    }

    @Test
    void reconcile_whenTheExecutionIsQueued_leavesItAlone() {
        waitingWithTimer("x1");
        persistence.timers().moveDueToQueue(DUE, 10);

        int recreated = persistence.reconciler().reconcile(DUE);

        assertThat(recreated).isZero();
        assertThat(persistence.timers().find("x1/b0")).isEmpty();
        assertThat(persistence.queue().size()).isEqualTo(1);
    }

    @Test
    void reconcile_whenTheExecutionChangedAfterTheGivenTime_leavesItAlone() {
        waitingWithTimer("x1");
        persistence.timers().cancel("x1/b0");

        int recreated = persistence.reconciler().reconcile(NOW.minusSeconds(1));

        assertThat(recreated).isZero();
        assertThat(persistence.timers().find("x1/b0")).isEmpty();
    }

    /** Enrolls, claims and commits the execution as waiting on a one-day delay at branch b0. */
    private void waitingWithTimer(String executionId) {
        ExecutionRecord created = execution(executionId, ORG, "welcome", "m-" + executionId, NOW);
        persistence.executions().enroll(enrollmentOf(created));
        WorkLease lease = persistence.queue().claim("node", 10, NOW, Duration.ofMinutes(1)).stream()
                .filter(claimed -> claimed.executionId().equals(executionId)).findFirst().orElseThrow();
        Branch delayed = new Branch("b0", "wait_a_day", 1, BranchState.DELAYED, Optional.of(DUE));
        ExecutionRecord waiting = created.next(ExecutionStatus.WAITING, Optional.empty(), List.of(delayed), Map.of(), 1,
                0, Optional.empty(), NOW);
        persistence.executions().commit(new ExecutionCommit(waiting, List.of(),
                List.of(executionTimer(executionId, ORG, "b0", DUE)), false, Optional.of(lease), Optional.empty()));
    }
}
