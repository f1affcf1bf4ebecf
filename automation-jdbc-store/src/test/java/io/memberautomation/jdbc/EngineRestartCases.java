package io.memberautomation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.store.RecordingEmailSender;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on the JDBC store survives a restart: an engine is closed mid-workflow and a new one, built
 * on the same database with fresh objects, carries on, losing nothing and recording no step twice.
 */
abstract class EngineRestartCases {
    private static final String ORG = "default";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String WELCOME = """
            { "id": "welcome", "name": "Welcome series",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "hello", "type": "action",
                  "action": { "type": "send_email", "params": { "templateId": "welcome" } }, "nextSteps": ["wait"] },
                { "id": "wait", "type": "delay", "delay": { "duration": "P3D" }, "nextSteps": ["tag"] },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "welcomed" } } }
              ] }
            """;

    private final TestClock clock = TestClock.at(Instant.parse("2030-01-06T08:00:00Z"));
    private DataSource dataSource;

    protected abstract DatabaseFixture database();

    /** One engine node: its own persistence, directory and channels over the shared database. */
    private record Node(AutomationEngine engine, JdbcPersistence persistence, JdbcMemberDirectory members,
                        RecordingEmailSender email) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    @BeforeEach
    void setUpDatabase() {
        dataSource = database().newDataSource();
    }

    @Test
    void delayedWorkflow_whenTheEngineRestartsDuringTheDelay_finishesOnTheNewEngineWithEveryStepOnce() {
        String executionId;
        try (Node first = startNode("node-1")) {
            first.members().put(new Member("m-1", ORG, Map.of("email", "ada@example.org", "first_name", "Ada")));
            first.engine().activate(ORG, first.engine().save(WELCOME).automation().id());
            first.engine().publish(TriggerEvent.of("evt-1", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            first.engine().runDue();

            ExecutionRecord waiting = only(first);
            executionId = waiting.id();
            assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
            assertThat(first.email().sent()).hasSize(1);
            assertThat(first.persistence().timers().nextDueAt()).contains(clock.now().plus(Duration.ofDays(3)));
        }

        try (Node second = startNode("node-2")) {
            clock.advance(Duration.ofDays(3));
            second.engine().runDue();
            boolean again = second.engine().publish(
                    TriggerEvent.of("evt-1", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of())).duplicateEvent();
            second.engine().runDue();

            ExecutionRecord done = only(second);
            assertThat(done.id()).isEqualTo(executionId);
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(second.members().find(ORG, "m-1").orElseThrow().tags()).containsExactly("welcomed");
            assertThat(second.email().sent()).as("the welcome mail is not sent again").isEmpty();
            assertThat(again).as("the event id is remembered across the restart").isTrue();
            assertThat(trail(second, executionId)).containsExactly("hello:completed", "wait:waiting",
                    "wait:completed", "tag:completed");
            assertThat(second.persistence().queue().size()).isZero();
            assertThat(second.persistence().timers().nextDueAt()).isEmpty();
        }
    }

    @Test
    void publishedEvent_whenItsNodeDiesHoldingTheWork_isRunByAnotherNodeOnceTheLeaseLapses() {
        try (Node first = startNode("node-1")) {
            first.members().put(new Member("m-1", ORG, Map.of("email", "ada@example.org", "first_name", "Ada")));
            first.engine().activate(ORG, first.engine().save(WELCOME).automation().id());
            first.engine().publish(TriggerEvent.of("evt-1", ORG, TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            assertThat(first.persistence().queue().claim("node-1", 10, clock.now(), LEASE))
                    .as("node 1 takes the work, then dies before running it").hasSize(1);
        }

        try (Node second = startNode("node-2")) {
            second.engine().runDue();
            assertThat(only(second).status()).as("held by the dead node's lease").isEqualTo(ExecutionStatus.PENDING);

            clock.advance(LEASE);
            second.engine().runDue();

            ExecutionRecord waiting = only(second);
            assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
            assertThat(second.email().sent()).hasSize(1);
            assertThat(trail(second, waiting.id())).containsExactly("hello:completed", "wait:waiting");
        }
    }

    private Node startNode(String nodeId) {
        // leases on the engine's clock, so that a lease lapses when the test clock moves past it
        JdbcPersistence persistence = JdbcPersistence.builder(dataSource).autoCreateSchema(true)
                .leaseClock(LeaseClock.ENGINE).build();
        JdbcMemberDirectory members = persistence.memberDirectory();
        InMemoryTemplateStore templates = new InMemoryTemplateStore();
        templates.put(ORG, new Template("welcome", "Welcome, {{member.first_name}}", "Hello {{member.first_name}}!",
                Optional.empty()));
        RecordingEmailSender email = new RecordingEmailSender();
        AutomationEngine engine = AutomationEngine.builder().clock(clock).persistence(persistence).members(members)
                .templates(templates).email(email).nodeId(nodeId).lease(LEASE).build();
        return new Node(engine, persistence, members, email);
    }

    private static ExecutionRecord only(Node node) {
        List<ExecutionRecord> all = node.engine().executions(ExecutionQuery.all(ORG, 10)).executions();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> trail(Node node, String executionId) {
        List<StepLogEntry> history = node.engine().history(executionId);
        return history.stream()
                .map(entry -> entry.stepId() + ":" + entry.status().name().toLowerCase(Locale.ROOT)).toList();
    }
}
