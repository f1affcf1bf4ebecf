package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.policy.QuietHours;
import io.memberautomation.core.policy.SendPolicy;
import io.memberautomation.spi.member.Channel;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frequency caps, quiet hours and rate limits: skipped or deferred with a durable timer, always logged. */
class SendPolicyTest {

    private static String threeEmails(String whenCapped) {
        return """
                { "id": "burst", "name": "Burst", "enrollment": { "policy": "every_time" }, "trigger": { "type": "payment_failed" },
                  "steps": [
                    { "id": "one", "type": "action", "action": { "type": "send_email", "params": { "templateId": "reminder", "whenCapped": "%1$s" } }, "nextSteps": ["two"] },
                    { "id": "two", "type": "action", "action": { "type": "send_email", "params": { "templateId": "reminder", "whenCapped": "%1$s" } }, "nextSteps": ["three"] },
                    { "id": "three", "type": "action", "action": { "type": "send_email", "params": { "templateId": "reminder", "whenCapped": "%1$s" } } } ] }
                """.formatted(whenCapped);
    }

    private static EngineFixture withPolicy(SendPolicy policy) {
        return new EngineFixture(b -> b.sendPolicy("default", policy));
    }

    @Test
    void dailyCap_whenReachedAndSkipChosen_skipsWithReasonAndTheBranchGoesOn() {
        try (EngineFixture f = withPolicy(SendPolicy.builder().dailyCap(Channel.EMAIL, 2).build())) {
            f.member("m-1", Map.of("email", "ada@example.org"));
            f.activate(threeEmails("skip"));
            f.publish("e-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());

            assertThat(f.email.sent()).hasSize(2);
            assertThat(f.stepTrail(f.only().id())).containsExactly("one:completed", "two:completed", "three:skipped");
            assertThat(f.history(f.only().id()).get(2).detail()).containsEntry("reason",
                    "frequency cap of 2 emails a day reached");
        }
    }

    @Test
    void dailyCap_whenReachedAndDeferChosen_sendsAtTheStartOfTheMembersNextDay() {
        try (EngineFixture f = withPolicy(SendPolicy.builder().dailyCap(Channel.EMAIL, 2).build())) {
            f.member("m-1", Map.of("email", "ada@example.org", "timezone", "America/New_York"));
            f.activate(threeEmails("defer"));
            f.publish("e-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.email.sent()).hasSize(2);

            f.runUntil(Instant.parse("2026-01-07T00:00:00Z"));

            assertThat(f.email.sent()).hasSize(3);
            StepLogEntry deferred = f.history(f.only().id()).get(2);
            assertThat(deferred.status()).isEqualTo(StepStatus.WAITING);
            assertThat(deferred.detail()).containsEntry("until", "2026-01-06T05:00:00Z");
            assertThat(f.history(f.only().id()).get(3).startedAt()).isEqualTo(Instant.parse("2026-01-06T05:00:00Z"));
        }
    }

    @Test
    void quietHours_whenTriggeredLateInTheMembersEvening_defersTheSmsToTheWindowsEnd() {
        SendPolicy policy = SendPolicy.builder()
                .quietHours(Channel.SMS, new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
        try (EngineFixture f = withPolicy(policy)) {
            f.member("m-1", Map.of("phone", "+15550100", "timezone", "Europe/London"));
            f.activate("""
                    { "id": "sms", "name": "SMS", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "text", "type": "action", "action": { "type": "send_sms", "params": { "body": "Please update your card" } } } ] }
                    """);
            f.clock.set(Instant.parse("2026-01-05T22:30:00Z"));
            f.publish("e-1", TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.sms.sent()).isEmpty();
            assertThat(f.history(f.only().id()).get(0).detail())
                    .containsEntry("reason", "quiet hours 21:00-08:00 for SMS").containsEntry("until", "2026-01-06T08:00:00Z");

            f.runUntil(Instant.parse("2026-01-06T12:00:00Z"));
            assertThat(f.sms.sent()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("Please update your card"));
            assertThat(f.history(f.only().id()).get(1).startedAt()).isEqualTo(Instant.parse("2026-01-06T08:00:00Z"));
        }
    }

    @Test
    void rateLimit_whenALargeAudienceSendsAtOnce_spreadsTheSendsOverSeconds() {
        try (EngineFixture f = withPolicy(SendPolicy.builder().ratePerSecond(Channel.EMAIL, 2).build())) {
            for (int i = 0; i < 5; i++) {
                f.member("m-" + i, Map.of("email", "m" + i + "@example.org"));
            }
            f.activate(threeEmails("skip").replace("\"nextSteps\": [\"two\"]", "\"nextSteps\": []"));
            for (int i = 0; i < 5; i++) {
                f.engine.publish(io.memberautomation.core.trigger.TriggerEvent.of("e-" + i, "default",
                        TriggerType.PAYMENT_FAILED, "m-" + i, Map.of()));
            }
            f.engine.runDue();
            assertThat(f.email.sent()).hasSize(2);
            f.runUntil(EngineFixture.START.plusSeconds(1));
            assertThat(f.email.sent()).hasSize(4);
            f.runUntil(EngineFixture.START.plusSeconds(2));
            assertThat(f.email.sent()).hasSize(5);
        }
    }

    @Test
    void whenCapped_whenNeitherSkipNorDefer_isRefusedAtSave() {
        try (EngineFixture f = new EngineFixture()) {
            assertThatThrownBy(() -> f.engine.save(threeEmails("later"))).isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("$.steps[0].action.params.whenCapped").hasMessageContaining("invalid_param");
        }
    }
}
