package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sequencing, branches, parallel branches, delays, failures and runaway guards, driven by a test clock. */
class InterpreterTest {

    private static final String WELCOME = """
            { "id": "welcome", "name": "Welcome series",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "hello", "type": "action", "action": { "type": "send_email", "params": { "templateId": "welcome" } },
                  "nextSteps": ["wait"] },
                { "id": "wait", "type": "delay", "delay": { "duration": "P3D" }, "nextSteps": ["tag"] },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "welcomed" } } }
              ] }
            """;

    @Test
    void welcomeSeries_whenTriggered_sendsEmailWaitsThreeDaysThenTags() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("email", "ada@example.org", "first_name", "Ada"));
            f.activate(WELCOME);

            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of());

            assertThat(f.email.sent()).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Welcome, Ada"));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);

            f.advance(Duration.ofDays(3).minusMinutes(1));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).isEmpty();

            f.advance(Duration.ofMinutes(1));
            var done = f.only();
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(done.outcome()).contains(ExecutionOutcome.FINISHED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("welcomed");
            assertThat(f.stepTrail(done.id())).containsExactly("hello:completed", "wait:waiting", "wait:completed",
                    "tag:completed");
        }
    }

    @Test
    void conditionStep_whenFalse_takesElseStepsAndLogsExplanation() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("email", "ada@example.org", "tier", "silver"));
            f.activate("""
                    { "id": "vip-check", "name": "VIP check", "trigger": { "type": "payment_succeeded" },
                      "steps": [
                        { "id": "is-vip", "type": "condition",
                          "condition": { "conditions": [ { "field": "member.tier", "op": "in", "value": ["gold", "platinum"] } ] },
                          "nextSteps": ["vip"], "elseSteps": ["regular"] },
                        { "id": "vip", "type": "action", "action": { "type": "add_tag", "params": { "tag": "vip" } } },
                        { "id": "regular", "type": "action", "action": { "type": "add_tag", "params": { "tag": "regular" } } }
                      ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of());

            var execution = f.only();
            assertThat(f.stepTrail(execution.id())).containsExactly("is-vip:completed", "regular:completed");
            assertThat(f.history(execution.id()).get(0).detail()).containsEntry("result", false)
                    .containsKey("explanation");
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("regular");
        }
    }

    @Test
    void parallelBranches_whenOneStillWaits_executionCompletesOnlyAfterBoth() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("email", "ada@example.org"));
            f.activate("""
                    { "id": "fanout", "name": "Fan out", "trigger": { "type": "payment_succeeded" },
                      "steps": [
                        { "id": "start", "type": "action", "action": { "type": "add_tag", "params": { "tag": "started" } },
                          "nextSteps": ["short", "long"] },
                        { "id": "short", "type": "delay", "delay": { "duration": "PT1H" }, "nextSteps": ["a"] },
                        { "id": "long", "type": "delay", "delay": { "duration": "P2D" }, "nextSteps": ["b"] },
                        { "id": "a", "type": "action", "action": { "type": "add_tag", "params": { "tag": "a" } } },
                        { "id": "b", "type": "action", "action": { "type": "add_tag", "params": { "tag": "b" } } }
                      ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of());
            assertThat(f.only().branches()).hasSize(2);

            f.advance(Duration.ofHours(1));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("started", "a");

            f.advance(Duration.ofDays(2));
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).containsExactly("started", "a", "b");
        }
    }

    @Test
    void delayUntilField_whenTargetAlreadyPassed_continuesAtOnceAndSaysSo() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("renewal_date", "2026-01-06"));
            f.activate("""
                    { "id": "renewal", "name": "Renewal", "trigger": { "type": "payment_succeeded" },
                      "steps": [
                        { "id": "wait", "type": "delay",
                          "delay": { "until": { "field": "member.renewal_date", "offset": "-P7D" }, "at": "09:00" },
                          "nextSteps": ["tag"] },
                        { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "reminded" } } }
                      ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of());

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.history(execution.id()).get(0).detail()).containsEntry("continuedAtOnce", true);
        }
    }

    @Test
    void customHandler_whenItThrows_failsThatStepOnlyAndOtherExecutionsRun() {
        ActionHandler exploding = handler("explode", ctx -> {
            throw new IllegalStateException("boom");
        });
        try (EngineFixture f = new EngineFixture(exploding)) {
            f.member("m-1", Map.of());
            f.member("m-2", Map.of());
            f.activate("""
                    { "id": "poison", "name": "Poison", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "x", "type": "action", "action": { "type": "explode", "params": {} } } ] }
                    """);
            f.activate(WELCOME.replace("payment_succeeded", "payment_failed"));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            var failed = f.executions().stream().filter(e -> e.automationId().equals("poison")).findFirst().orElseThrow();
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("step x failed").contains("boom"));
            assertThat(f.executions()).filteredOn(e -> !e.automationId().equals("poison"))
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.WAITING));
        }
    }

    @Test
    void customHandler_whenItThrowsAnError_failsThatStepOnlyAndOtherExecutionsRun() {
        ActionHandler broken = handler("broken", ctx -> {
            throw new AssertionError("handler invariant broken");
        });
        try (EngineFixture f = new EngineFixture(broken)) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "poison", "name": "Poison", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "x", "type": "action", "action": { "type": "broken", "params": {} } } ] }
                    """);
            f.activate(WELCOME.replace("payment_succeeded", "payment_failed"));

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            var failed = f.executions().stream().filter(e -> e.automationId().equals("poison")).findFirst().orElseThrow();
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("AssertionError")
                    .contains("handler invariant broken"));
            assertThat(f.executions()).filteredOn(e -> !e.automationId().equals("poison"))
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.WAITING));
        }
    }

    @Test
    void onErrorContinue_whenActionFails_logsFailureAndGoesOn() {
        try (EngineFixture f = new EngineFixture(handler("flaky", ctx -> ActionResult.permanentFailure("nope")))) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "cont", "name": "Continue", "trigger": { "type": "payment_failed" },
                      "steps": [
                        { "id": "try", "type": "action", "action": { "type": "flaky", "params": {}, "onError": "continue" },
                          "nextSteps": ["after"] },
                        { "id": "after", "type": "action", "action": { "type": "add_tag", "params": { "tag": "after" } } } ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.stepTrail(execution.id())).containsExactly("try:failed", "after:completed");
        }
    }

    @Test
    void onErrorRetry_whenRetryableFailuresThenSuccess_retriesWithDurableBackoffAndStableKey() {
        AtomicInteger calls = new AtomicInteger();
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        ActionHandler flaky = handler("flaky", ctx -> {
            keys.add(ctx.idempotencyKey());
            return calls.incrementAndGet() < 3 ? ActionResult.retryableFailure("503") : ActionResult.success(Map.of("ok", true));
        });
        try (EngineFixture f = new EngineFixture(flaky)) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "retry", "name": "Retry", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "call", "type": "action",
                        "action": { "type": "flaky", "params": {}, "onError": "retry", "retryCount": 3,
                                    "retry": { "initialInterval": "PT1M", "backoffCoefficient": 2.0, "maxInterval": "PT10M" } } } ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(calls).hasValue(1);
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);

            f.advance(Duration.ofSeconds(30));
            assertThat(calls).as("backoff of ~1 minute not yet over").hasValue(1);
            f.advance(Duration.ofMinutes(2));
            assertThat(calls).hasValue(2);
            f.advance(Duration.ofMinutes(5));
            assertThat(calls).hasValue(3);

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(keys).hasSize(3).containsOnly(keys.get(0));
            assertThat(f.history(execution.id())).extracting(e -> e.status() + "#" + e.attempt())
                    .containsExactly("RETRY_SCHEDULED#1", "RETRY_SCHEDULED#2", "COMPLETED#3");
        }
    }

    @Test
    void onErrorRetry_whenFailureIsNotRetryable_skipsRemainingAttemptsAndFails() {
        AtomicInteger calls = new AtomicInteger();
        try (EngineFixture f = new EngineFixture(handler("flaky", ctx -> {
            calls.incrementAndGet();
            return ActionResult.permanentFailure("webhook answered 404");
        }))) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "retry", "name": "Retry", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "call", "type": "action",
                        "action": { "type": "flaky", "params": {}, "onError": "retry", "retryCount": 5 } } ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            f.advance(Duration.ofHours(5));

            assertThat(calls).hasValue(1);
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(f.only().error()).hasValueSatisfying(e -> assertThat(e).contains("404"));
        }
    }

    @Test
    void reminderLoop_whenItNeverEnds_stopsAtMaxStepsWithClearError() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of());
            f.activate("""
                    { "id": "loop", "name": "Loop", "maxSteps": 10, "trigger": { "type": "payment_failed" },
                      "steps": [
                        { "id": "nudge", "type": "action", "action": { "type": "add_tag", "params": { "tag": "nudged" } },
                          "nextSteps": ["wait"] },
                        { "id": "wait", "type": "delay", "delay": { "duration": "P1D" }, "nextSteps": ["nudge"] } ] }
                    """);

            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            for (int day = 0; day < 10; day++) {
                f.advance(Duration.ofDays(1));
            }

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).hasValueSatisfying(e -> assertThat(e).contains("maxSteps (10)"));
            assertThat(execution.stepsRun()).isEqualTo(10);
        }
    }

    @Test
    void exitWhen_whenMemberRenewsDuringDelay_exitsAtOnceAndDropsTheWait() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("status", "lapsed", "email", "ada@example.org"));
            f.activate("""
                    { "id": "winback", "name": "Win back", "trigger": { "type": "payment_failed" },
                      "exitWhen": { "conditions": [ { "field": "member.status", "op": "eq", "value": "active" } ] },
                      "steps": [
                        { "id": "wait", "type": "delay", "delay": { "duration": "P30D" }, "nextSteps": ["mail"] },
                        { "id": "mail", "type": "action", "action": { "type": "send_email", "params": { "templateId": "reminder" } } } ] }
                    """);
            f.publish("evt-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.WAITING);

            f.clock.advance(Duration.ofDays(2));
            var change = f.members.apply("default", "m-1", MemberPatch.setField("status", "active"));
            f.engine.memberChanged(change, Optional.of("renewal-1"));
            f.engine.runDue();

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(execution.outcome()).contains(ExecutionOutcome.EXITED);
            assertThat(execution.endedAt()).contains(f.clock.now());
            f.advance(Duration.ofDays(40));
            assertThat(f.email.sent()).isEmpty();
        }
    }

    @Test
    void memberUpdatedCascade_whenAutomationRetriggersItself_stopsAtCausalDepthLimit() {
        try (EngineFixture f = new EngineFixture(b -> b.maxCausalDepth(3))) {
            f.member("m-1", Map.of("counter", 0));
            f.activate("""
                    { "id": "echo", "name": "Echo", "enrollment": { "policy": "every_time" },
                      "trigger": { "type": "member_updated", "fields": ["status"] },
                      "steps": [ { "id": "touch", "type": "action",
                        "action": { "type": "update_field", "params": { "field": "member.status", "value": "{{event.id}}" } } } ] }
                    """);

            var change = f.members.apply("default", "m-1", MemberPatch.setField("status", "new"));
            f.engine.memberChanged(change, Optional.of("host-change-1"));
            f.engine.runDue();

            assertThat(f.executions()).hasSize(4)
                    .extracting(e -> e.causalDepth()).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(f.executions()).allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.COMPLETED));
        }
    }

    @Test
    void unknownMember_whenEventNamesIt_enrollsNothing() {
        try (EngineFixture f = new EngineFixture()) {
            f.activate(WELCOME);
            f.publish("evt-1", TriggerType.PAYMENT_SUCCEEDED, "ghost", Map.of());
            assertThat(f.executions()).isEmpty();
        }
    }

    @Test
    void publish_whenScheduledType_isRefusedWithReason() {
        try (EngineFixture f = new EngineFixture()) {
            assertThatThrownBy(() -> f.engine.publish(io.memberautomation.core.trigger.TriggerEvent.of("e", "default",
                    TriggerType.SCHEDULED, "m", Map.of()))).isInstanceOf(AutomationException.class)
                    .hasMessageContaining("scheduled");
        }
    }

    static ActionHandler handler(String type, java.util.function.Function<ActionContext, ActionResult> body) {
        return new ActionHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public ActionResult execute(ActionContext context) {
                return body.apply(context);
            }
        };
    }
}
