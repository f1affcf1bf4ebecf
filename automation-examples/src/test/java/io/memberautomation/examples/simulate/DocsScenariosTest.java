package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario examples of the documentation ({@code docs/examples/*.scenario.json}) run through the real
 * engine, and do what docs/scenario-format.md says they do.
 */
class DocsScenariosTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");

    static List<Path> scenarios() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".scenario.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenarios.Result run(String file) {
        return new Scenarios.Result(Scenarios.parse(new Simulator().run(read(file)).toJson()));
    }

    private static List<String> of(List<JsonNode> effects, String field) {
        return effects.stream().map(effect -> effect.path(field).asText()).toList();
    }

    private static JsonNode executionOf(Scenarios.Result result, String automationId, String memberId) {
        List<JsonNode> found = result.executions().stream()
                .filter(execution -> execution.get("automationId").asText().equals(automationId)
                        && execution.path("memberId").asText().equals(memberId)).toList();
        assertThat(found).as("%s executions of %s", automationId, memberId).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void docsScenario_whenRun_hasNoWarningsAndNoFailedExecution(Path file) throws IOException {
        SimulationResult result = new Simulator().run(Files.readString(file));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.json().get("executions")).isNotEmpty()
                .allSatisfy(execution -> assertThat(execution.get("status").asText()).isNotEqualTo("failed"));
    }

    @Test
    void dunning_whenBothPaymentsFail_sendsTheNoticeAndAReminderToBoth() {
        Scenarios.Result result = run("dunning.scenario.json");

        for (String member : List.of("m-1", "m-2")) {
            List<JsonNode> emails = result.effectsOf(member).stream()
                    .filter(effect -> effect.get("type").asText().equals("email")
                            && effect.get("stepId").asText().matches("first-notice|reminder")).toList();
            assertThat(of(emails, "templateId")).as(member).containsExactly("payment-failed", "payment-reminder");
            assertThat(of(emails, "at")).as(member).containsExactly("2026-01-05T14:00:00Z", "2026-01-08T14:00:00Z");
        }
    }

    @Test
    void dunning_whenAdaPaysAfterTheFailure_exitsHerSeriesAndDropsItsWait() {
        Scenarios.Result result = run("dunning.scenario.json");
        JsonNode dunning = executionOf(result, "dunning", "m-1");

        assertThat(dunning.get("outcome").asText()).isEqualTo("exited");
        assertThat(dunning.get("endedAt").asText()).isEqualTo("2026-01-09T16:00:00Z");
        assertThat(result.trail(dunning.get("id").asText())).endsWith("reminder:completed", "wait-3-days:waiting",
                "wait-3-days:cancelled");
        assertThat(result.member("m-1").get("payment_status").asText()).isEqualTo("current");
        assertThat(result.member("m-1").get("last_paid_at").asText()).isEqualTo("2026-01-09T16:00:00Z");
    }

    @Test
    void dunning_whenBillingGivesUpOnBo_handsOverAndSuspends() {
        Scenarios.Result result = run("dunning.scenario.json");
        JsonNode dunning = executionOf(result, "dunning", "m-2");

        assertThat(dunning.get("outcome").asText()).isEqualTo("finished");
        assertThat(result.effectsOf("m-2")).filteredOn(effect -> effect.get("type").asText().equals("task"))
                .extracting(effect -> effect.get("title").asText()).containsExactly("Payment for Bo Diddley keeps failing");
        assertThat(result.member("m-2").get("status").asText()).isEqualTo("suspended");
        assertThat(of(result.effectsOf("m-2").stream()
                .filter(effect -> effect.get("type").asText().equals("webhook")).toList(), "status"))
                .containsExactly("200", "200");
    }

    @Test
    void renewal_whenRun_remindsAdaSkipsBoAndExitsCyWhenHeRenews() {
        Scenarios.Result result = run("renewal.scenario.json");

        assertThat(of(result.effectsOf("m-1"), "type")).containsExactly("email", "sms");
        assertThat(of(result.effectsOf("m-1"), "at")).containsExactly("2026-03-13T09:00:00Z", "2026-03-19T18:00:00Z");
        assertThat(executionOf(result, "renewal-reminder", "m-1").get("outcome").asText()).isEqualTo("finished");
        assertThat(result.effectsOf("m-2")).isEmpty();
        assertThat(result.executions()).noneMatch(execution -> execution.path("memberId").asText().equals("m-2"));
        assertThat(of(result.effectsOf("m-3"), "templateId")).containsExactly("renewal-reminder", "renewal-thanks");
        assertThat(executionOf(result, "renewal-reminder", "m-3").get("outcome").asText()).isEqualTo("exited");
        assertThat(executionOf(result, "renewal-thanks", "m-3").get("outcome").asText()).isEqualTo("finished");
    }

    /**
     * The cancellation follow-up and the subscription onboarding of docs/workflow-format.md, for Ada, who
     * cancels and stays away, and Bo, who cancels and subscribes again four days later.
     */
    private static Scenarios.Result cancellations() {
        ObjectNode scenario = Scenarios.MAPPER.createObjectNode();
        scenario.putObject("organization").put("id", "org-1").put("timezone", "Europe/London");
        scenario.put("start", "2026-02-01T00:00:00Z").put("until", "2026-03-01T00:00:00Z");
        ArrayNode automations = scenario.putArray("automations");
        automations.add(Scenarios.parse(read("cancellation-follow-up.automation.json")));
        automations.add(Scenarios.parse(read("subscription-onboarding.automation.json")));
        scenario.putArray("segments").addObject().put("id", "magazine-subscribers").put("static", true);
        ArrayNode templates = scenario.putArray("templates");
        templates.addObject().put("id", "subscription-ending").put("subject", "Your magazine ends soon").put("body", "-");
        templates.addObject().put("id", "subscription-welcome").put("subject", "Welcome back").put("body", "-");
        ArrayNode members = scenario.putArray("members");
        for (String[] member : new String[][] {{"m-1", "ada@example.org", "Ada"}, {"m-2", "bo@example.org", "Bo"}}) {
            ObjectNode record = members.addObject().put("id", member[0]).put("email", member[1])
                    .put("first_name", member[2]).put("timezone", "Europe/London")
                    .put("subscription_status", "active").put("subscription_ends_on", "2026-02-20");
            record.putArray("segments").add("magazine-subscribers");
        }
        ArrayNode timeline = scenario.putArray("timeline");
        for (String member : List.of("m-1", "m-2")) {
            ObjectNode entry = timeline.addObject().put("at", "2026-02-01T10:00:00Z");
            entry.putObject("event").put("id", "cancel-" + member).put("type", "subscription_cancelled").put("memberId", member);
        }
        ObjectNode again = timeline.addObject().put("at", "2026-02-05T10:00:00Z");
        again.putObject("event").put("id", "subscribe-m-2").put("type", "subscription_created").put("memberId", "m-2")
                .putObject("payload").put("plan", "magazine-monthly");
        return Scenarios.run(scenario);
    }

    private static String read(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cancellationFollowUp_whenTheMemberStaysAway_sendsTheLastChanceEmailThreeDaysBeforeTheEnd() {
        Scenarios.Result result = cancellations();
        JsonNode followUp = executionOf(result, "cancellation-follow-up", "m-1");

        assertThat(followUp.get("outcome").asText()).isEqualTo("finished");
        assertThat(result.effectsOf("m-1")).filteredOn(effect -> effect.get("type").asText().equals("email"))
                .extracting(effect -> effect.get("templateId").asText() + "@" + effect.get("at").asText())
                .containsExactly("subscription-ending@2026-02-17T10:00:00Z");
        assertThat(of(result.effects("admin_notification"), "memberId")).containsExactly("m-1");
    }

    @Test
    void cancellationFollowUp_whenTheMemberSubscribesAgain_exitsAndSendsNoLastChance() {
        Scenarios.Result result = cancellations();
        JsonNode followUp = executionOf(result, "cancellation-follow-up", "m-2");

        assertThat(followUp.get("outcome").asText()).isEqualTo("exited");
        assertThat(followUp.get("endedAt").asText()).isEqualTo("2026-02-05T10:00:00Z");
        assertThat(of(result.effectsOf("m-2").stream()
                .filter(effect -> effect.get("type").asText().equals("email")).toList(), "templateId"))
                .containsExactly("subscription-welcome");
    }

    @Test
    void welcome_whenAdaHasNotComeToAnEvent_invitesHerTwoDaysLaterAtTenLondonTime() {
        Scenarios.Result result = run("welcome.scenario.json");

        assertThat(of(result.effectsOf("m-1"), "templateId")).containsExactly("welcome", "first-event");
        assertThat(of(result.effectsOf("m-1"), "at")).containsExactly("2026-05-04T08:30:00Z", "2026-05-06T09:00:00Z");
    }
}
