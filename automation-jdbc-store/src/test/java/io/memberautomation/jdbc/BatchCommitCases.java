package io.memberautomation.jdbc;

import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.executionTimer;
import static io.memberautomation.core.tck.StoreFixtures.log;
import static io.memberautomation.core.tck.StoreFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.MemberUpdate;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code commitAll} on the JDBC store: a batch is applied with one JDBC batch per statement, and still
 * checks and applies each commit as a whole.
 */
abstract class BatchCommitCases {
    private static final String ORG = "org-a";
    private static final Instant NOW = Instant.parse("2030-05-06T07:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    protected abstract DatabaseFixture database();

    @Test
    void commitAll_whenNoneIsRefused_appliesEveryPartOfEveryCommit() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.memberDirectory().put(new Member("m-1", ORG, Map.of()));
        List<ExecutionRecord> created = enroll(persistence, "m-1", "m-1", "m-2");
        List<WorkLease> leases = persistence.queue().claim("node-1", 3, NOW, LEASE);
        persistence.queue().enqueue("x0", ORG, NOW);

        List<CommitResult> results = persistence.executions().commitAll(List.of(
                new ExecutionCommit(next(created.get(2), ExecutionStatus.COMPLETED, Map.of(), 1, NOW),
                        List.of(log("x2", 0, NOW)), List.of(), true, Optional.of(leases.get(2)), Optional.empty()),
                new ExecutionCommit(next(created.get(0), ExecutionStatus.WAITING, Map.of(), 2, NOW),
                        List.of(log("x0", 0, NOW), log("x0", 1, NOW)),
                        List.of(executionTimer("x0", ORG, "b0", NOW.plus(Duration.ofDays(1)))), false,
                        Optional.of(leases.get(0)), Optional.empty(),
                        List.of(new MemberUpdate(ORG, "m-1", MemberPatch.addTag("first"), 1))),
                new ExecutionCommit(next(created.get(1), ExecutionStatus.RUNNING, Map.of(), 1, NOW),
                        List.of(log("x1", 0, NOW)), List.of(), false, Optional.of(leases.get(1)),
                        Optional.of(NOW.plusSeconds(30)),
                        List.of(new MemberUpdate(ORG, "m-1", MemberPatch.setField("plan", "gold"), 0)))));

        assertThat(results).extracting(CommitResult::executionId).containsExactly("x2", "x0", "x1");
        assertThat(results).allMatch(CommitResult::applied);
        assertThat(results.get(2).memberChanges().get(0).before().orElseThrow().tags()).containsExactly("first");
        assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow())
                .isEqualTo(new Member("m-1", ORG, Map.of("tags", List.of("first"), "plan", "gold")));
        assertThat(persistence.executions().stepLogs("x0")).extracting(StepLogEntry::sequence).containsExactly(0, 1);
        assertThat(persistence.executions().find("x2").orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(persistence.timers().find("x0/b0")).isPresent();
        assertThat(persistence.queue().size()).as("x2 completed; x0 was re-queued during its lease; x1 asked")
                .isEqualTo(2);
        assertThat(persistence.queue().claim("node-1", 3, NOW, LEASE)).extracting(WorkLease::executionId)
                .containsExactly("x0");
        assertThat(persistence.queue().claim("node-1", 3, NOW.plusSeconds(30), LEASE))
                .extracting(WorkLease::executionId).containsExactly("x1");
    }

    @Test
    void commitAll_whenALeaseWasTakenOver_refusesThatCommitAloneAndChangesNoneOfItsMembers() {
        // leases on the engine clock: the test takes a lease over by moving its clock
        JdbcPersistence persistence = database().newPersistence(LeaseClock.ENGINE);
        persistence.memberDirectory().put(new Member("m-1", ORG, Map.of()));
        persistence.memberDirectory().put(new Member("m-2", ORG, Map.of()));
        List<ExecutionRecord> created = enroll(persistence, "m-1", "m-2");
        WorkLease first = persistence.queue().claim("node-1", 1, NOW, LEASE).get(0);
        WorkLease lapsed = persistence.queue().claim("node-1", 1, NOW, LEASE).get(0);
        persistence.queue().extend(List.of(first), NOW.plus(LEASE).minusSeconds(1), LEASE);
        WorkLease current = persistence.queue().claim("node-2", 1, NOW.plus(LEASE), LEASE).get(0);
        assertThat(current.executionId()).isEqualTo(lapsed.executionId());

        List<CommitResult> results = persistence.executions().commitAll(List.of(
                tagging(created.get(0), first, "m-1"), tagging(created.get(1), lapsed, "m-2")));

        assertThat(results).containsExactly(CommitResult.applied("x0", results.get(0).memberChanges()),
                CommitResult.refused("x1"));
        assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow().tags()).containsExactly("vip");
        assertThat(persistence.memberDirectory().find(ORG, "m-2").orElseThrow().tags()).isEmpty();
        assertThat(persistence.executions().stepLogs("x1")).isEmpty();
        assertThat(persistence.executions().find("x1")).contains(created.get(1));
        assertThat(persistence.queue().extend(List.of(current), NOW.plus(LEASE), LEASE)).containsExactly(current);
    }

    private static List<ExecutionRecord> enroll(JdbcPersistence persistence, String... members) {
        List<ExecutionRecord> created = new java.util.ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            ExecutionRecord record = execution("x" + i, ORG, "welcome", members[i], NOW);
            persistence.executions().enroll(enrollmentOf(record));
            created.add(record);
        }
        return created;
    }

    private static ExecutionCommit tagging(ExecutionRecord read, WorkLease lease, String memberId) {
        return new ExecutionCommit(next(read, ExecutionStatus.COMPLETED, Map.of(), 1, NOW), List.of(log(read.id(), 0, NOW)),
                List.of(), false, Optional.of(lease), Optional.empty(),
                List.of(new MemberUpdate(ORG, memberId, MemberPatch.addTag("vip"), 0)));
    }
}
