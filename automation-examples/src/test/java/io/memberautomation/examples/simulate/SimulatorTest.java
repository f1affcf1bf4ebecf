package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Features of the scenario format beyond the shipped files, each on a small scenario. */
class SimulatorTest {

    private static Scenarios.Result run(String scenario) {
        return new Scenarios.Result(Scenarios.parse(new Simulator().run(scenario).toJson()));
    }

    @Test
    void webhook_whenUrlIsNotScripted_answers404AndTheStepFailsWithoutRetry() {
        Scenarios.Result result = run("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z", "members": [ { "id": "m-1" } ],
                  "automations": [ { "id": "call", "name": "Call", "status": "active", "trigger": { "type": "manual" },
                    "steps": [ { "id": "hook", "type": "action", "action": { "type": "webhook", "onError": "retry",
                                 "params": { "url": "https://unknown.example.test/x" } } } ] } ],
                  "timeline": [ { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "call", "memberId": "m-1" } } ] }
                """);

        JsonNode execution = result.execution("exec-0001");
        assertThat(execution.get("status").asText()).isEqualTo("failed");
        assertThat(execution.get("error").asText()).isEqualTo("step hook failed: webhook answered 404");
        assertThat(result.effects("webhook")).singleElement().satisfies(call -> {
            assertThat(call.get("status").asInt()).isEqualTo(404);
            assertThat(call.get("url").asText()).isEqualTo("https://unknown.example.test/x");
            assertThat(call.get("error").asText()).isEqualTo("webhook answered 404");
        });
    }

    @Test
    void webhook_whenScriptRunsOut_repeatsItsLastAnswerAndAnswerFieldsReachConditions() {
        Scenarios.Result result = run("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z",
                  "members": [ { "id": "m-1" }, { "id": "m-2" }, { "id": "m-3" } ],
                  "webhooks": [ { "url": "https://score.example.test", "responses": [
                    { "status": 200, "body": { "score": 10 } }, { "status": 200, "body": { "score": 90 } } ] } ],
                  "automations": [ { "id": "score", "name": "Score", "status": "active", "trigger": { "type": "manual" },
                    "steps": [ { "id": "hook", "type": "action",
                                 "action": { "type": "webhook", "params": { "url": "https://score.example.test" } },
                                 "nextSteps": ["high"] },
                               { "id": "high", "type": "condition",
                                 "condition": { "conditions": [ { "field": "steps.hook.output.score", "op": "gt", "value": 50 } ] },
                                 "nextSteps": ["tag"] },
                               { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "high" } } } ] } ],
                  "timeline": [
                    { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "score", "memberId": "m-1" } },
                    { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "score", "memberId": "m-2" } },
                    { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "score", "memberId": "m-3" } } ] }
                """);

        assertThat(result.executions()).extracting(e -> result.step(e.get("id").asText(), "high", "completed")
                .get("result").asBoolean()).containsExactly(false, true, true);
        assertThat(result.effects("tag_added")).extracting(tag -> tag.get("memberId").asText())
                .containsExactly("m-2", "m-3");
    }

    @Test
    void update_whenUsingTagSegmentAndUnsetKeys_changesTheMemberAndKeepsNumbersExact() {
        String printed = new Simulator().run("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z",
                  "members": [ { "id": "m-1", "tags": ["old"], "nickname": "Addy", "balance": 2.50,
                                 "big": 123456789012345678901234567890, "visits": 3 } ],
                  "timeline": [ { "at": "2026-01-05T09:00:00Z", "update": { "memberId": "m-1", "set": { "visits": 4 },
                      "unset": ["nickname"], "addTags": ["new"], "removeTags": ["old"], "addSegments": ["board"] } } ] }
                """).toJson();

        assertThat(printed).contains("""
                  "members": [
                    {
                      "id": "m-1",
                      "tags": [
                        "new"
                      ],
                      "balance": 2.50,
                      "big": 123456789012345678901234567890,
                      "visits": 4,
                      "segments": [
                        "board"
                      ]
                    }
                  ]
                """);
        assertThat(printed).startsWith("{\n  \"executions\": [],\n");
    }

    @Test
    void event_whenSameIdIsPublishedTwice_enrollsOnceButEventsWithoutIdEnrollEachTime() {
        Scenarios.Result result = run("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z", "members": [ { "id": "m-1" } ],
                  "automations": [ { "id": "count", "name": "Count", "status": "active", "enrollment": { "policy": "every_time" },
                    "trigger": { "type": "event_attended" },
                    "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } } ] } ],
                  "timeline": [
                    { "at": "2026-01-05T09:00:00Z", "event": { "id": "e-1", "type": "event_attended", "memberId": "m-1" } },
                    { "at": "2026-01-05T10:00:00Z", "event": { "id": "e-1", "type": "event_attended", "memberId": "m-1" } },
                    { "at": "2026-01-05T11:00:00Z", "event": { "type": "event_attended", "memberId": "m-1" } },
                    { "at": "2026-01-05T12:00:00Z", "event": { "type": "event_attended", "memberId": "m-1" } } ] }
                """);

        assertThat(result.executions()).extracting(e -> e.get("startedAt").asText())
                .containsExactly("2026-01-05T09:00:00Z", "2026-01-05T11:00:00Z", "2026-01-05T12:00:00Z");
    }

    @Test
    void timers_whenDueAtOrAfterUntil_doNotRun() {
        Scenarios.Result result = run("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T09:00:00Z", "members": [ { "id": "m-1" } ],
                  "automations": [ { "id": "later", "name": "Later", "status": "active", "trigger": { "type": "manual" },
                    "steps": [ { "id": "wait", "type": "delay", "delay": { "duration": "P1D" }, "nextSteps": ["tag"] },
                               { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } } ] } ],
                  "timeline": [ { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "later", "memberId": "m-1" } } ] }
                """);

        assertThat(result.execution("exec-0001").get("status").asText()).isEqualTo("waiting");
        assertThat(result.trail("exec-0001")).containsExactly("wait:waiting");
        assertThat(result.effects()).isEmpty();
    }

    @Test
    void run_whenReadingAStream_readsUtf8() {
        String scenario = """
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z",
                  "members": [ { "id": "m-1", "first_name": "Zoë" } ] }
                """;

        SimulationResult result = new Simulator().run(new ByteArrayInputStream(scenario.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.json().get("members").get(0).get("first_name").asText()).isEqualTo("Zoë");
        assertThat(result.toJson()).isEqualTo("""
                {
                  "executions": [],
                  "effects": [],
                  "members": [
                    {
                      "id": "m-1",
                      "first_name": "Zoë"
                    }
                  ]
                }
                """);
    }
}
