package io.memberautomation.core;

import static io.memberautomation.core.InterpreterTest.handler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Versions, deduplication, enrollment policies, and pause, resume, cancel and retry at both levels. */
class LifecycleTest {

    private static final String TWO_STEP = """
            { "id": "dunning", "name": "Dunning", "enrollment": { "policy": "%s" },
              "trigger": { "type": "payment_failed" },
              "steps": [
                { "id": "wait", "type": "delay", "delay": { "duration": "P1D" }, "nextSteps": ["tag"] },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "%s" } } } ] }
            """;

    @Test
    void save_whenDocumentChanged_makesNewVersionAndRunningExecutionsKeepTheirs() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.member("m-2", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "v1"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            var saved = f.engine.save(TWO_STEP.formatted("every_time", "v2"));
            var unchanged = f.engine.save(TWO_STEP.formatted("every_time", "v2"));
            f.publish("evt-2", TriggerType.PAYMENT_FAILED, "m-2", Map.of());
            f.advance(Duration.ofDays(1));

            assertThat(saved.automation().version()).isEqualTo(2);
            assertThat(saved.newVersion()).isTrue();
            assertThat(unchanged.newVersion()).isFalse();
            assertThat(f.executions()).extracting(e -> e.memberId().orElseThrow() + "@v" + e.automationVersion())
                    .containsExactlyInAnyOrder("m-1@v1", "m-2@v2");
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("v1");
            assertThat(f.members.find("default", "m-2").orElseThrow().tags()).containsExactly("v2");
        }
    }

    @Test
    void save_whenInvalid_refusesWithEveryProblemAndKeepsPreviousVersion() {
        try (EngineFixture f = new EngineFixture()) {
            f.activate(TWO_STEP.formatted("every_time", "v1"));
            String broken = TWO_STEP.formatted("every_time", "v1").replace("[\"tag\"]", "[\"nope\"]")
                    .replace("\"add_tag\"", "\"no_such_action\"");

            assertThatThrownBy(() -> f.engine.save(broken)).isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("unknown_step").hasMessageContaining("unknown_action_type");
            assertThat(f.engine.automation("default", "dunning").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void save_whenActionsCanReEnrollTheAutomation_returnsATriggerLoopWarning() {
        try (EngineFixture f = new EngineFixture()) {
            var saved = f.engine.save("""
                    { "id": "echo", "name": "Echo", "trigger": { "type": "member_status_changed" },
                      "steps": [ { "id": "flip", "type": "action",
                        "action": { "type": "update_field", "params": { "field": "member.status", "value": "x" } } } ] }
                    """);
            assertThat(saved.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code().wireName()).isEqualTo("trigger_loop");
                assertThat(w.message()).contains("raises member_status_changed, which enrolls echo");
            });
        }
    }

    @Test
    void publish_whenSameEventIdTwice_enrollsOnce() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "x"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.executions()).hasSize(1);
        }
    }

    @Test
    void enrollmentPolicies_whenTriggeredThreeTimes_enrollAsTheirPolicySays() {
        for (var expectation : Map.of("every_time", 3, "one_at_a_time", 2, "once", 1).entrySet()) {
            try (EngineFixture f = new EngineFixture()) {
                f.member("m-1", Map.of());
                f.activate(TWO_STEP.formatted(expectation.getKey(), "x"));
                f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
                f.publish("evt-2", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
                f.advance(Duration.ofDays(2));
                f.publish("evt-3", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
                assertThat(f.executions()).as(expectation.getKey()).hasSize(expectation.getValue());
            }
        }
    }

    @Test
    void cooldown_whenRetriggeredTooSoon_isRefusedUntilItPasses() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time\", \"cooldown\": \"P7D", "x"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.advance(Duration.ofDays(3));
            f.publish("evt-2", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.advance(Duration.ofDays(5));
            f.publish("evt-3", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.executions()).hasSize(2);
        }
    }

    @Test
    void automationPause_whenDelayRunsOutWhilePaused_holdsThenGoesOnAtOnceWithoutRestartingTheDelay() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "done"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            f.engine.pause("default", "dunning");
            f.advance(Duration.ofDays(2));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.PAUSED);
            f.publish("evt-2", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.executions()).as("a paused automation enrolls no one").hasSize(1);

            f.engine.resume("default", "dunning");
            f.engine.runDue();

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.only().endedAt()).contains(f.clock.now());
        }
    }

    @Test
    void save_whenActiveDocumentIsSavedOverAPausedAutomation_releasesItsHeldExecutions() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            String active = TWO_STEP.formatted("every_time", "x").replace("\"name\": \"Dunning\",",
                    "\"name\": \"Dunning\", \"status\": \"active\",");
            f.engine.save(active);
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.engine.pause("default", "dunning");
            f.advance(Duration.ofDays(1));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.PAUSED);

            f.engine.save(active.replace("\"x\"", "\"y\""));
            f.engine.runDue();

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
        }
    }

    @Test
    void archive_whenExecutionsWait_cancelsThemAndKeepsHistory() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "x"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            f.engine.archive("default", "dunning");
            f.advance(Duration.ofDays(2));

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.CANCELLED);
            assertThat(f.history(execution.id())).extracting(e -> e.status())
                    .containsExactly(StepStatus.WAITING, StepStatus.CANCELLED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).isEmpty();
        }
    }

    @Test
    void executionPause_whenAutomationIsPausedAndResumed_staysPausedUntilItsOwnResume() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "done"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            String id = f.only().id();

            f.engine.pauseExecution(id);
            f.engine.pause("default", "dunning");
            f.engine.resume("default", "dunning");
            f.advance(Duration.ofDays(2));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.PAUSED);
            assertThat(f.only().userPaused()).isTrue();

            f.engine.resumeExecution(id);
            f.engine.runDue();
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
        }
    }

    @Test
    void cancelExecution_whenTimerIsDue_neverRunsTheNextStep() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "x"));
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.clock.advance(Duration.ofDays(1));

            f.engine.cancelExecution(f.only().id());
            f.engine.runDue();

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.CANCELLED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).isEmpty();
            assertThatThrownBy(() -> f.engine.cancelExecution(f.only().id())).isInstanceOf(AutomationException.class)
                    .hasMessageContaining("already CANCELLED");
        }
    }

    @Test
    void retryExecution_whenFailed_runsAgainFromTheFailedStep() {
        AtomicInteger calls = new AtomicInteger();
        try (EngineFixture f = new EngineFixture(handler("crm_sync", ctx -> calls.incrementAndGet() == 1
                ? ActionResult.permanentFailure("CRM down") : ActionResult.success()))) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "sync", "name": "Sync", "trigger": { "type": "payment_failed" },
                      "steps": [
                        { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "t" } }, "nextSteps": ["sync"] },
                        { "id": "sync", "type": "action", "action": { "type": "crm_sync", "params": {} } } ] }
                    """);
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.FAILED);

            f.engine.retryExecution(f.only().id());
            f.engine.runDue();

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.stepTrail(f.only().id())).containsExactly("tag:completed", "sync:failed", "sync:completed");
        }
    }

    @Test
    void runManually_whenAutomationActive_enrollsTheMember() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate(TWO_STEP.formatted("every_time", "x").replace("payment_failed", "manual"));
            var result = f.engine.runManually("default", "dunning", "m-1");
            assertThat(result.created()).hasSize(1);
            assertThat(f.executions()).singleElement()
                    .satisfies(e -> assertThat(e.trigger()).containsEntry("type", "manual"));
        }
    }
}
