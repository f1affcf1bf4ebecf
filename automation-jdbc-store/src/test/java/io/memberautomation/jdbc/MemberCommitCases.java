package io.memberautomation.jdbc;

import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.log;
import static io.memberautomation.core.tck.StoreFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.tck.OutageHandler;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionQuery;
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
 * Member actions on the JDBC store with its own member directory: a tag or field change is committed in
 * the transaction that records its step, so it happens exactly once, or not at all when the commit does not.
 */
abstract class MemberCommitCases {
    private static final String ORG = "default";
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String UPGRADE = OutageHandler.UPGRADE_THEN_SYNC;
    private static final String NOTICE = """
            { "id": "notice", "name": "Notice new tags",
              "trigger": { "type": "member_updated", "fields": ["tags"] },
              "steps": [
                { "id": "noted", "type": "action",
                  "action": { "type": "update_field", "params": { "field": "member.noticed", "value": "yes" } } }
              ] }
            """;

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-04T10:00:00Z"));

    protected abstract DatabaseFixture database();

    private final OutageHandler crmSync = new OutageHandler();

    @Test
    void memberActions_whenTheirPassCommits_changeTheMemberWithTheStepRecordsAndRouteTheChange() {
        JdbcPersistence persistence = database().newPersistence();
        try (AutomationEngine engine = engine(persistence)) {
            persistence.memberDirectory().put(new Member("m-1", ORG, Map.of("tags", List.of("member"))));
            engine.activate(ORG, engine.save(UPGRADE).automation().id());
            engine.activate(ORG, engine.save(NOTICE).automation().id());

            engine.publish(TriggerEvent.of("evt-1", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            engine.runDue();

            Member member = persistence.memberDirectory().find(ORG, "m-1").orElseThrow();
            assertThat(member.tags()).containsExactly("member", "vip");
            assertThat(member.field("plan")).contains("gold");
            assertThat(member.field("noticed")).as("member_updated routed from the committed change").contains("yes");
            ExecutionRecord upgrade = only(engine, "upgrade");
            assertThat(upgrade.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(engine.history(upgrade.id())).extracting(StepLogEntry::stepId)
                    .containsExactly("tag", "plan", "sync");
            assertThat(only(engine, "notice").causalDepth()).isEqualTo(1);
        }
    }

    @Test
    void memberActions_whenThePassFailsBeforeItsCommit_leaveTheMemberUnchangedUntilTheRetryCommitsThemOnce() {
        JdbcPersistence persistence = database().newPersistence();
        crmSync.failNext(1);
        try (AutomationEngine engine = engine(persistence)) {
            persistence.memberDirectory().put(new Member("m-1", ORG, Map.of("tags", List.of("member"))));
            engine.activate(ORG, engine.save(UPGRADE).automation().id());
            engine.publish(TriggerEvent.of("evt-1", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));

            engine.runDue();

            ExecutionRecord failedPass = only(engine, "upgrade");
            assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow())
                    .isEqualTo(new Member("m-1", ORG, Map.of("tags", List.of("member"))));
            assertThat(engine.history(failedPass.id())).isEmpty();
            assertThat(failedPass.status()).isEqualTo(ExecutionStatus.PENDING);

            clock.advance(POLL);
            engine.runDue();

            Member member = persistence.memberDirectory().find(ORG, "m-1").orElseThrow();
            assertThat(member.tags()).containsExactly("member", "vip");
            assertThat(member.field("plan")).contains("gold");
            assertThat(only(engine, "upgrade").status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(engine.history(failedPass.id())).extracting(StepLogEntry::stepId)
                    .containsExactly("tag", "plan", "sync");
        }
    }

    @Test
    void commit_whenItsLeaseWasTakenOver_changesNoMemberAndTheNewHolderCommitsTheChange() {
        // leases on the engine clock: the test takes a lease over by moving its clock
        JdbcPersistence persistence = database().newPersistence(LeaseClock.ENGINE);
        persistence.memberDirectory().put(new Member("m-1", ORG, Map.of()));
        ExecutionRecord created = execution("x1", ORG, "upgrade", "m-1", clock.now());
        persistence.executions().enroll(enrollmentOf(created));
        WorkLease lapsed = persistence.queue().claim("node-1", 1, clock.now(), LEASE).get(0);
        WorkLease current = persistence.queue().claim("node-2", 1, clock.now().plus(LEASE), LEASE).get(0);

        assertThatThrownBy(() -> persistence.executions().commit(tagging(created, Optional.of(lapsed))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow().fields()).isEmpty();
        assertThat(persistence.executions().stepLogs("x1")).isEmpty();

        List<CommitResult> results = persistence.executions().commitAll(List.of(tagging(created, Optional.of(current))));

        assertThat(results).extracting(CommitResult::applied).containsExactly(true);
        assertThat(results.get(0).memberChanges().get(0).after().tags()).containsExactly("vip");
        assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow().tags()).containsExactly("vip");
        assertThat(persistence.executions().stepLogs("x1")).hasSize(1);
    }

    @Test
    void commitAll_whenOneCommitIsRefused_changesOnlyTheMembersOfTheOthers() {
        JdbcPersistence persistence = database().newPersistence();
        persistence.memberDirectory().put(new Member("m-1", ORG, Map.of()));
        persistence.memberDirectory().put(new Member("m-2", ORG, Map.of()));
        persistence.memberDirectory().put(new Member("m-3", ORG, Map.of()));
        ExecutionRecord first = execution("x1", ORG, "upgrade", "m-1", clock.now());
        ExecutionRecord second = execution("x2", ORG, "upgrade", "m-2", clock.now());
        ExecutionRecord third = execution("x3", ORG, "upgrade", "m-1", clock.now());
        for (ExecutionRecord created : List.of(first, second, third)) {
            persistence.executions().enroll(enrollmentOf(created));
        }
        persistence.memberDirectory().remove(ORG, "m-2");

        List<CommitResult> results = persistence.executions().commitAll(List.of(tagging(first, Optional.empty()),
                tagging(second, Optional.empty()), tagging(next(third, ExecutionStatus.RUNNING, clock.now()), Optional.empty())));

        assertThat(results).extracting(CommitResult::applied).containsExactly(true, false, false);
        assertThat(persistence.memberDirectory().find(ORG, "m-1").orElseThrow().tags()).containsExactly("vip");
        assertThat(persistence.executions().stepLogs("x2")).isEmpty();
        assertThat(persistence.executions().stepLogs("x3")).isEmpty();
        assertThat(persistence.executions().find("x3")).contains(third);
    }

    /** A commit of the step that tags the member "vip", under the lease if any. */
    private ExecutionCommit tagging(ExecutionRecord read, Optional<WorkLease> lease) {
        ExecutionRecord next = next(read, ExecutionStatus.COMPLETED, Map.of(), read.logCount() + 1, clock.now());
        return new ExecutionCommit(next, List.of(log(read.id(), read.logCount(), clock.now())), List.of(), false,
                lease, Optional.empty(),
                List.of(new MemberUpdate(ORG, read.memberId().orElseThrow(), MemberPatch.addTag("vip"),
                        read.logCount())));
    }

    private AutomationEngine engine(JdbcPersistence persistence) {
        return AutomationEngine.builder().clock(clock).persistence(persistence)
                .members(persistence.memberDirectory()).actionHandler(crmSync).pollInterval(POLL).lease(LEASE).build();
    }

    private static ExecutionRecord only(AutomationEngine engine, String automationId) {
        List<ExecutionRecord> all = engine.executions(ExecutionQuery.all(ORG, 10)).executions().stream()
                .filter(execution -> execution.automationId().equals(automationId)).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
