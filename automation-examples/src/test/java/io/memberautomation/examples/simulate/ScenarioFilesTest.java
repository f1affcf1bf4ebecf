package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shipped scenario, run through the real engine, does what its description promises. */
class ScenarioFilesTest {

    static List<String> names() {
        return Scenarios.names();
    }

    private static List<String> texts(List<JsonNode> nodes, String field) {
        return nodes.stream().map(node -> node.get(field).asText()).toList();
    }

    @Test
    void scenarioFiles_whenListed_areAtLeastSevenAndAllOnTheClasspath() {
        assertThat(names()).hasSizeGreaterThanOrEqualTo(7).contains("payment-failed-dunning", "welcome-series",
                "renewal-exit", "opt-outs", "branches-and-segments", "pause-resume-cancel", "new-version");
        names().forEach(name -> assertThat(Scenarios.text(name)).contains("\"timeline\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void scenario_whenRunTwice_printsTheSameBytes(String name) {
        String first = new Simulator().run(Scenarios.text(name)).toJson();
        String second = new Simulator().run(Scenarios.text(name)).toJson();

        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith("{\n  \"executions\": [").endsWith("}\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void scenario_whenRun_hasNoWarningsAndNoFailedExecution(String name) {
        SimulationResult result = new Simulator().run(Scenarios.text(name));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.json().get("executions")).isNotEmpty()
                .allSatisfy(execution -> assertThat(execution.get("status").asText()).isNotEqualTo("failed"));
    }

    @Test
    void dunning_whenCrmWebhookFirstAnswers503_retriesAfterRetryAfterThenEmails() {
        Scenarios.Result result = Scenarios.run("payment-failed-dunning");

        List<JsonNode> calls = result.effects("webhook").stream()
                .filter(call -> call.get("memberId").asText().equals("m-1")).toList();
        assertThat(calls).extracting(call -> call.get("status").asInt()).containsExactly(503, 200);
        assertThat(texts(calls, "at")).containsExactly("2026-01-05T09:00:00Z", "2026-01-05T09:02:00Z");
        assertThat(calls).extracting(call -> call.get("attempt").asInt()).containsExactly(1, 2);
        assertThat(texts(calls, "url")).containsOnly("https://crm.example.test/hooks/payment-failed");
        assertThat(result.trail("exec-0001")).startsWith("notify-crm:retry_scheduled", "notify-crm:completed",
                "first-notice:completed");
        assertThat(result.step("exec-0001", "notify-crm", "retry_scheduled").get("nextAttemptAt").asText())
                .isEqualTo("2026-01-05T09:02:00Z");

        List<JsonNode> adaEffects = result.effectsOf("m-1");
        assertThat(texts(adaEffects, "type")).containsExactly("webhook", "webhook", "email", "task", "tag_added");
        assertThat(adaEffects.get(2).get("at").asText()).isEqualTo("2026-01-05T09:02:00Z");
        assertThat(adaEffects.get(2).get("subject").asText()).isEqualTo("Your payment of $120 did not go through");
        assertThat(adaEffects.get(3).get("at").asText()).isEqualTo("2026-01-08T09:02:00Z");
        assertThat(adaEffects.get(3).get("title").asText()).isEqualTo("Call Ada about a failed payment");
        assertThat(result.step("exec-0001", "high-risk", "completed").get("result").asBoolean()).isTrue();
        assertThat(result.member("m-1").get("tags")).extracting(JsonNode::asText)
                .containsExactly("volunteer", "payment-overdue");
    }

    @Test
    void dunning_whenMemberPaysDuringTheWait_exitsThatMinuteAndRedeliveredEventEnrollsOnce() {
        Scenarios.Result result = Scenarios.run("payment-failed-dunning");

        assertThat(result.executions()).extracting(e -> e.get("memberId").asText()).containsExactly("m-1", "m-2");
        JsonNode bo = result.executions().get(1);
        assertThat(bo.get("status").asText()).isEqualTo("completed");
        assertThat(bo.get("outcome").asText()).isEqualTo("exited");
        assertThat(bo.get("endedAt").asText()).isEqualTo("2026-01-06T16:00:00Z");
        assertThat(result.step(bo.get("id").asText(), "wait-3-days", "cancelled").get("reason").asText())
                .isEqualTo("exit criteria met");
        assertThat(texts(result.effectsOf("m-2"), "type")).containsExactly("webhook", "email");
        assertThat(result.effectsOf("m-2").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(result.execution("exec-0001").get("outcome").asText()).isEqualTo("finished");
    }

    @Test
    void welcomeSeries_whenMembersJoin_sendsOnScheduleInEachMembersTimezone() {
        Scenarios.Result result = Scenarios.run("welcome-series");

        assertThat(result.executions()).extracting(e -> e.get("memberId").asText()).containsExactly("m-1", "m-2");
        assertThat(result.step("exec-0001", "wait-3-days", "waiting").get("until").asText())
                .isEqualTo("2026-01-08T10:00:00Z");
        assertThat(result.step("exec-0001", "wait-4-days", "waiting").get("until").asText())
                .isEqualTo("2026-01-13T09:00:00Z");
        assertThat(result.step("exec-0002", "wait-4-days", "waiting").get("until").asText())
                .isEqualTo("2026-01-14T14:00:00Z");
        assertThat(result.step("exec-0001", "has-attended", "completed").get("result").asBoolean()).isTrue();
        assertThat(result.step("exec-0002", "has-attended", "completed").get("result").asBoolean()).isFalse();
        assertThat(result.effects("email")).hasSize(4);
        assertThat(texts(result.effects("email"), "subject")).startsWith("Welcome to the club, Ada!",
                "Welcome to the club, Bo!");
        assertThat(result.effects("sms")).singleElement()
                .satisfies(sms -> assertThat(sms.get("to").asText()).isEqualTo("+15555550100"));
        assertThat(texts(result.effects("tag_added"), "tag")).containsExactly("engaged", "needs-nudge");
        assertThat(result.effectsOf("m-0")).isEmpty();
    }

    @Test
    void renewalExit_whenMemberRenewsDuringThirtyDayWait_exitsAtOnceWhileOtherFinishes() {
        Scenarios.Result result = Scenarios.run("renewal-exit");

        JsonNode ada = result.execution("exec-0001");
        assertThat(ada.get("outcome").asText()).isEqualTo("exited");
        assertThat(ada.get("endedAt").asText()).isEqualTo("2026-01-14T11:45:00Z");
        assertThat(result.trail("exec-0001")).containsExactly("miss-you:completed", "wait-30-days:waiting",
                "wait-30-days:cancelled");
        assertThat(texts(result.effectsOf("m-1"), "type")).containsExactly("email");

        JsonNode bo = result.execution("exec-0002");
        assertThat(bo.get("outcome").asText()).isEqualTo("finished");
        assertThat(bo.get("endedAt").asText()).isEqualTo("2026-02-01T06:00:00Z");
        assertThat(result.effects("admin_notification")).singleElement().satisfies(note ->
                assertThat(note.get("message").asText()).isEqualTo("Bo has not renewed 30 days after lapsing"));
        assertThat(result.effects("field_updated")).singleElement().satisfies(update -> {
            assertThat(update.get("field").asText()).isEqualTo("status");
            assertThat(update.get("value").asText()).isEqualTo("former");
        });
        assertThat(result.member("m-2").get("status").asText()).isEqualTo("former");
        assertThat(result.member("m-1").get("status").asText()).isEqualTo("active");
    }

    @Test
    void optOuts_whenMemberCannotBeReached_skipsWithReasonAndCompletes() {
        Scenarios.Result result = Scenarios.run("opt-outs");

        assertThat(result.executions()).hasSize(4).allSatisfy(execution ->
                assertThat(execution.get("outcome").asText()).isEqualTo("finished"));
        assertThat(result.effects("skipped")).extracting(skip -> skip.get("memberId").asText() + " "
                        + skip.get("action").asText() + ": " + skip.get("reason").asText())
                .containsExactly("m-2 send_email: member opted out of email",
                        "m-3 send_email: member has no email address",
                        "m-3 send_sms: member opted out of SMS",
                        "m-4 send_sms: member has no phone number");
        assertThat(texts(result.effects("email"), "to")).containsExactly("ada@example.org", "di@example.org");
        assertThat(texts(result.effects("sms"), "to")).containsExactly("+447700900001", "+447700900002");
        assertThat(result.trail("exec-0003")).containsExactly("confirm:skipped", "until-eve:waiting",
                "until-eve:completed", "remind:skipped");
    }

    @Test
    void branches_whenVip_runsParallelBranchesAndCompletesAfterTheLastOne() {
        Scenarios.Result result = Scenarios.run("branches-and-segments");

        assertThat(result.step("exec-0001", "is-vip", "completed").get("result").asBoolean()).isTrue();
        assertThat(result.trail("exec-0001")).containsExactly("is-vip:completed", "thank-vip:completed",
                "patron-task:completed", "join-patrons:completed", "wait-2-days:waiting", "wait-2-days:completed",
                "survey:completed");
        assertThat(result.execution("exec-0001").get("endedAt").asText()).isEqualTo("2026-03-04T21:00:00Z");
        assertThat(texts(result.effectsOf("m-1"), "type")).containsExactly("email", "task", "segment_added", "email");
        assertThat(result.effects("segment_added").get(0).get("segmentId").asText()).isEqualTo("patrons");
        assertThat(result.member("m-1").get("segments")).extracting(JsonNode::asText).containsExactly("patrons");
    }

    @Test
    void branches_whenNotVip_takesElseStepsAndJoiningDynamicSegmentStartsAnotherAutomation() {
        Scenarios.Result result = Scenarios.run("branches-and-segments");

        assertThat(result.step("exec-0002", "is-vip", "completed").get("result").asBoolean()).isFalse();
        assertThat(result.trail("exec-0002")).containsExactly("is-vip:completed", "tag-attendee:completed",
                "record-visit:completed");
        assertThat(result.effects("field_updated")).singleElement().satisfies(update -> {
            assertThat(update.get("field").asText()).isEqualTo("last_event");
            assertThat(update.get("value").asText()).isEqualTo("Spring gala");
        });
        JsonNode regular = result.execution("exec-0003");
        assertThat(regular.get("automationId").asText()).isEqualTo("new-regular");
        assertThat(regular.get("startedAt").asText()).isEqualTo("2026-03-02T21:05:00Z");
        assertThat(result.effects("admin_notification")).singleElement().satisfies(note ->
                assertThat(note.get("message").asText()).isEqualTo("Bo has now attended 3 events"));
    }

    @Test
    void pauseResumeCancel_whenAutomationPausedAcrossADelay_holdsThenGoesOnAtResumeWithoutRestartingIt() {
        Scenarios.Result result = Scenarios.run("pause-resume-cancel");

        assertThat(result.step("exec-0001", "wait-a-week", "completed").get("at").asText())
                .isEqualTo("2026-01-14T10:00:00Z");
        assertThat(result.step("exec-0001", "last-chance", "completed").get("at").asText())
                .isEqualTo("2026-01-14T10:00:00Z");
        assertThat(result.execution("exec-0001").get("endedAt").asText()).isEqualTo("2026-01-21T10:00:00Z");
        assertThat(result.step("exec-0003", "last-chance", "completed").get("at").asText())
                .isEqualTo("2026-01-16T10:00:00Z");
        assertThat(result.execution("exec-0003").get("status").asText()).isEqualTo("completed");
    }

    @Test
    void pauseResumeCancel_whenStoppedWhilePaused_showsHeldAndMemberPausedExecutionsAsPaused() {
        Scenarios.Result result = Scenarios.run(Scenarios.until(Scenarios.tree("pause-resume-cancel"),
                "2026-01-13T00:00:00Z"));

        assertThat(result.executions()).extracting(e -> e.get("status").asText())
                .containsExactly("paused", "cancelled", "paused");
        assertThat(result.effects("email")).hasSize(3);
    }

    @Test
    void pauseResumeCancel_whenCancelled_endsWithNoFurtherEffects() {
        Scenarios.Result result = Scenarios.run("pause-resume-cancel");

        JsonNode bo = result.execution("exec-0002");
        assertThat(bo.get("status").asText()).isEqualTo("cancelled");
        assertThat(bo.has("outcome")).isFalse();
        assertThat(bo.get("endedAt").asText()).isEqualTo("2026-01-06T10:00:00Z");
        assertThat(result.step("exec-0002", "wait-a-week", "cancelled").get("reason").asText()).isEqualTo("cancelled");
        assertThat(texts(result.effectsOf("m-2"), "type")).containsExactly("email");
        assertThat(result.member("m-2").has("tags")).isFalse();
    }

    @Test
    void newVersion_whenSavedMidRun_oldExecutionKeepsVersionOneAndNewOneRunsVersionTwo() {
        Scenarios.Result result = Scenarios.run("new-version");

        assertThat(result.execution("exec-0001").get("automationVersion").asInt()).isEqualTo(1);
        assertThat(result.execution("exec-0002").get("automationVersion").asInt()).isEqualTo(2);
        assertThat(result.effects("email")).extracting(email -> email.get("memberId").asText() + " "
                        + email.get("templateId").asText() + " " + email.get("at").asText())
                .containsExactly("m-1 welcome-pack 2026-01-05T09:00:00Z", "m-2 welcome-pack 2026-01-08T09:00:00Z",
                        "m-1 tips-v1 2026-01-10T09:00:00Z", "m-2 tips-v2 2026-01-13T09:00:00Z");
        assertThat(result.effects("tag_added")).singleElement()
                .satisfies(tag -> assertThat(tag.get("memberId").asText()).isEqualTo("m-2"));
    }
}
