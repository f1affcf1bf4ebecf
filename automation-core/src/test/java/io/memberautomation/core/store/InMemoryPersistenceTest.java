package io.memberautomation.core.store;

import static io.memberautomation.core.tck.StoreFixtures.enrollment;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.newExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.EnrollmentGuard;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryPersistenceTest {
    private static final Instant T0 = Instant.parse("2030-01-01T09:00:00Z");

    private final InMemoryPersistence persistence = new InMemoryPersistence();

    @Test
    void purgeEventIdsBefore_forgetsOlderEventsSoTheyEnrollAgain() {
        enrollEvent("e-old", "x1", T0);
        enrollEvent("e-new", "x2", T0.plus(Duration.ofDays(2)));

        int purged = persistence.purgeEventIdsBefore(T0.plus(Duration.ofDays(1)));

        assertThat(purged).isEqualTo(1);
        assertThat(enrollEvent("e-old", "x3", T0.plus(Duration.ofDays(3))).duplicateEvent()).isFalse();
        assertThat(enrollEvent("e-new", "x4", T0.plus(Duration.ofDays(3))).duplicateEvent()).isTrue();
    }

    @Test
    void enroll_whenExecutionIdExists_isRefusedWithoutRecordingTheEvent() {
        enrollEvent("e1", "x1", T0);

        assertThatThrownBy(() -> enrollEvent("e2", "x1", T0)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(enrollEvent("e2", "x2", T0).duplicateEvent()).isFalse();
    }

    @Test
    void enroll_whenExecutionBelongsToAnotherOrganization_isRefused() {
        assertThatThrownBy(() -> persistence.executions().enroll(enrollment("org-a", Optional.empty(), T0,
                newExecution(execution("x1", "org-b", "welcome", "m1", T0), EnrollmentGuard.NONE))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(persistence.executions().find("x1")).isEmpty();
    }

    @Test
    void query_whenCursorIsNotOurs_isRefused() {
        ExecutionQuery query = ExecutionQuery.all("org-a", 10).withCursor("not a cursor!");

        assertThatThrownBy(() -> persistence.executions().query(query)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claim_givesIncreasingFencingTokens() {
        for (String id : List.of("x1", "x2", "x3")) {
            persistence.queue().enqueue(id, "org-a", T0);
        }

        List<WorkLease> leases = persistence.queue().claim("node", 10, T0, Duration.ofMinutes(1));

        assertThat(leases).extracting(WorkLease::fencingToken).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void claim_whenLeaseIsNotPositive_isRefused() {
        assertThatThrownBy(() -> persistence.queue().claim("node", 10, T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> persistence.timers().claimDueSchedules("node", 10, T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EnrollmentResult enrollEvent(String eventId, String executionId, Instant at) {
        return persistence.executions().enroll(enrollment("org-a", Optional.of(eventId), at,
                newExecution(execution(executionId, "org-a", "welcome", "m-" + executionId, at), EnrollmentGuard.NONE)));
    }
}
