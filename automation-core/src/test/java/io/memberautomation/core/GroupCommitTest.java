package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.TimerStore;
import io.memberautomation.spi.store.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The passes of a batch of claims are recorded with one {@code commitAll}, each commit still on its own. */
class GroupCommitTest {
    private static final String ORG = "default";
    private static final String TAGGING = """
            { "id": "tagging", "name": "Tagging", "enrollment": { "policy": "every_time" },
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "active", "type": "condition",
                  "condition": { "conditions": [ { "field": "member.status", "op": "eq", "value": "active" } ] },
                  "nextSteps": ["tag"] },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "paid" } } }
              ] }
            """;

    private final CountingStore store = new CountingStore(new InMemoryPersistence());
    private final InMemoryMemberDirectory members = new InMemoryMemberDirectory();

    @Test
    void runDue_whenSeveralExecutionsAreClaimedTogether_recordsTheirPassesWithOneCommitAll() {
        try (AutomationEngine engine = engine()) {
            publishFor(engine, 5);

            engine.runDue();

            assertThat(store.batchSizes).containsExactly(5);
            assertThat(store.singleCommits).hasValue(0);
            assertThat(executions(engine)).extracting(ExecutionRecord::status).containsOnly(ExecutionStatus.COMPLETED)
                    .hasSize(5);
        }
    }

    @Test
    void runDue_whenOneCommitOfTheBatchIsRefused_runsThatExecutionAgainAndRecordsEachStepOnce() {
        try (AutomationEngine engine = engine()) {
            publishFor(engine, 3);
            store.refuseOnce.set(1);

            engine.runDue();

            assertThat(store.batchSizes).containsExactly(3, 1);
            for (ExecutionRecord execution : executions(engine)) {
                assertThat(execution.status()).isEqualTo(ExecutionStatus.COMPLETED);
                assertThat(engine.history(execution.id())).extracting(StepLogEntry::stepId)
                        .containsExactly("active", "tag");
            }
            assertThat(members.find(ORG, "m-1").orElseThrow().tags()).containsExactly("paid");
        }
    }

    @Test
    void runDue_whenAMemberActionLeavesTheMemberAsItWas_routesNoChange() {
        try (AutomationEngine engine = engine()) {
            members.put(new Member("m-tagged", ORG, Map.of("status", "active", "tags", List.of("paid"))));
            engine.publish(TriggerEvent.of("evt-tagged", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-tagged", Map.of()));
            engine.runDue();
            assertThat(store.unfinishedLookups).as("no exit check for a change that changed nothing").hasValue(0);

            publishFor(engine, 1);
            engine.runDue();

            assertThat(store.unfinishedLookups).as("the member's exit checks after a real change").hasValue(1);
            assertThat(executions(engine)).extracting(ExecutionRecord::status).containsOnly(ExecutionStatus.COMPLETED);
        }
    }

    private AutomationEngine engine() {
        AutomationEngine engine = AutomationEngine.builder().persistence(store).members(members)
                .clock(TestClock.at(EngineFixture.START)).build();
        engine.activate(ORG, engine.save(TAGGING).automation().id());
        return engine;
    }

    private void publishFor(AutomationEngine engine, int count) {
        for (int i = 0; i < count; i++) {
            members.put(new Member("m-" + i, ORG, Map.of("status", "active")));
            engine.publish(TriggerEvent.of("evt-" + i, ORG, TriggerType.PAYMENT_SUCCEEDED, "m-" + i, Map.of()));
        }
    }

    private static List<ExecutionRecord> executions(AutomationEngine engine) {
        return engine.executions(ExecutionQuery.all(ORG, 100)).executions();
    }

    /** The in-memory store, counting commits and refusing the batch's n-th commit once when asked. */
    private static final class CountingStore implements Persistence, ExecutionStore {
        private final InMemoryPersistence delegate;
        final List<Integer> batchSizes = new ArrayList<>();
        final AtomicInteger singleCommits = new AtomicInteger();
        final AtomicInteger unfinishedLookups = new AtomicInteger();
        /** The index of the commit of the next batch to refuse, or -1. */
        final AtomicInteger refuseOnce = new AtomicInteger(-1);

        CountingStore(InMemoryPersistence delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<CommitResult> commitAll(List<ExecutionCommit> commits) {
            batchSizes.add(commits.size());
            int refused = refuseOnce.getAndSet(-1);
            List<CommitResult> results = new ArrayList<>();
            for (int i = 0; i < commits.size(); i++) {
                if (i == refused) {
                    results.add(CommitResult.refused(commits.get(i).execution().id()));
                } else {
                    results.addAll(delegate.executions().commitAll(List.of(commits.get(i))));
                }
            }
            return results;
        }

        @Override
        public List<MemberChange> commit(ExecutionCommit commit) {
            singleCommits.incrementAndGet();
            return delegate.executions().commit(commit);
        }

        @Override
        public EnrollmentResult enroll(Enrollment enrollment) {
            return delegate.executions().enroll(enrollment);
        }

        @Override
        public Optional<ExecutionRecord> find(String executionId) {
            return delegate.executions().find(executionId);
        }

        @Override
        public List<StepLogEntry> stepLogs(String executionId) {
            return delegate.executions().stepLogs(executionId);
        }

        @Override
        public ExecutionPage query(ExecutionQuery query) {
            return delegate.executions().query(query);
        }

        @Override
        public List<ExecutionRecord> findUnfinished(String organizationId, String memberId) {
            unfinishedLookups.incrementAndGet();
            return delegate.executions().findUnfinished(organizationId, memberId);
        }

        @Override
        public DefinitionStore definitions() {
            return delegate.definitions();
        }

        @Override
        public ExecutionStore executions() {
            return this;
        }

        @Override
        public WorkQueue queue() {
            return delegate.queue();
        }

        @Override
        public TimerStore timers() {
            return delegate.timers();
        }
    }
}
