package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.tck.OutageHandler;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.TimerStore;
import io.memberautomation.spi.store.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Member actions without transactional members (the in-memory default, or any directory other than the
 * persistence's own): the change is applied through the directory before the step is recorded, at-least-once.
 */
class MemberActionCommitTest {
    private static final String UPGRADE = OutageHandler.UPGRADE_THEN_SYNC;

    private final OutageHandler crmSync = new OutageHandler();

    @Test
    void memberActions_inMemory_whenThePassFailsAfterThem_areAppliedAlreadyAndApplyAgainHarmlesslyOnTheRetry() {
        crmSync.failNext(1);
        try (EngineFixture f = new EngineFixture(builder -> builder.pollInterval(Duration.ofSeconds(1)), crmSync)) {
            f.member("m-1", Map.of("tags", List.of("member")));
            f.activate(UPGRADE);

            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of());

            String id = f.only().id();
            assertThat(f.members.find(EngineFixture.ORG, "m-1").orElseThrow().tags())
                    .as("applied through the directory before the step is recorded").containsExactly("member", "vip");
            assertThat(f.history(id)).isEmpty();

            f.advance(Duration.ofSeconds(1));

            Member member = f.members.find(EngineFixture.ORG, "m-1").orElseThrow();
            assertThat(member.tags()).containsExactly("member", "vip");
            assertThat(member.field("plan")).contains("gold");
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.stepTrail(id)).containsExactly("tag:completed", "plan:completed", "sync:completed");
        }
    }

    @Test
    void memberActions_whenTheDirectoryIsNotThePersistencesTransactionalOne_goThroughTheDirectory() {
        InMemoryPersistence store = new InMemoryPersistence();
        Persistence withOtherMembers = new Persistence() {
            private final MemberDirectory other = new InMemoryMemberDirectory();

            @Override
            public DefinitionStore definitions() {
                return store.definitions();
            }

            @Override
            public ExecutionStore executions() {
                return store.executions();
            }

            @Override
            public WorkQueue queue() {
                return store.queue();
            }

            @Override
            public TimerStore timers() {
                return store.timers();
            }

            @Override
            public Optional<MemberDirectory> transactionalMembers() {
                return Optional.of(other);
            }
        };
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        members.put(new Member("m-1", EngineFixture.ORG, Map.of()));
        try (AutomationEngine engine = AutomationEngine.builder().persistence(withOtherMembers).members(members)
                .actionHandler(crmSync).clock(TestClock.at(EngineFixture.START)).build()) {
            engine.activate(EngineFixture.ORG, engine.save(UPGRADE).automation().id());
            engine.publish(TriggerEvent.of("evt-1", EngineFixture.ORG,
                    TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));

            engine.runDue();

            assertThat(members.find(EngineFixture.ORG, "m-1").orElseThrow().tags()).containsExactly("vip");
            assertThat(engine.executions(ExecutionQuery.all(EngineFixture.ORG, 10))
                    .executions()).extracting(ExecutionRecord::status).containsExactly(ExecutionStatus.COMPLETED);
        }
    }
}
