package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The every-trigger scenario: each of the format's fourteen trigger kinds enrolls, at the right time. */
class EveryTriggerScenarioTest {
    private final JsonNode result = new Simulator().run(Scenarios.text("every-trigger")).json();

    private List<JsonNode> executions(String automationId) {
        List<JsonNode> found = new ArrayList<>();
        result.get("executions").forEach(e -> {
            if (e.get("automationId").asText().equals(automationId)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void everyTriggerKind_whenItsEventHappens_enrollsExactlyTheMemberItConcerns() {
        Set<String> automations = new TreeSet<>();
        result.get("executions").forEach(e -> automations.add(e.get("automationId").asText()));
        assertThat(automations).containsExactlyInAnyOrder("on-created", "on-phone-updated", "on-lapsed",
                "on-joined-vips", "on-left-vips", "on-registered", "on-attended", "on-paid", "on-payment-failed",
                "on-subscribed", "on-unsubscribed", "on-milestone", "weekly-digest", "renewal-reminder",
                "manual-check-in");
        assertThat(executions("on-created")).singleElement().satisfies(e -> assertThat(e.get("memberId").asText())
                .isEqualTo("m-2"));
        assertThat(executions("on-paid")).as("the $20 payment fails the amount condition").singleElement()
                .satisfies(e -> assertThat(e.get("memberId").asText()).isEqualTo("m-1"));
        assertThat(executions("on-lapsed")).singleElement().satisfies(e -> assertThat(e.get("startedAt").asText())
                .isEqualTo("2026-01-16T10:00:00Z"));
        assertThat(executions("on-milestone")).hasSize(1);
        result.get("executions").forEach(e -> assertThat(e.get("status").asText()).isEqualTo("completed"));
    }

    @Test
    void schedules_whenTheClockRuns_fireMondaysAtNineLondonAndSevenDaysBeforeRenewalAtNineKolkata() {
        assertThat(executions("weekly-digest")).extracting(e -> e.get("startedAt").asText()).containsExactly(
                "2026-01-05T09:00:00Z", "2026-01-12T09:00:00Z", "2026-01-19T09:00:00Z", "2026-01-26T09:00:00Z",
                "2026-02-02T09:00:00Z", "2026-02-09T09:00:00Z");
        assertThat(executions("renewal-reminder")).singleElement().satisfies(e -> {
            assertThat(e.get("memberId").asText()).isEqualTo("m-1");
            assertThat(e.get("startedAt").asText()).isEqualTo("2026-02-03T03:30:00Z");
        });
        List<String> effects = new ArrayList<>();
        result.get("effects").forEach(e -> effects.add(e.get("type").asText()));
        assertThat(effects).contains("admin_notification", "email", "tag_added");
    }
}
