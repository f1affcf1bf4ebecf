package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.examples.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid scenarios: exit code 2, nothing on standard output, every problem with its path on standard error. */
class InvalidScenarioTest {
    @TempDir
    Path dir;

    private Cli simulate(String scenario) {
        Path file = dir.resolve("scenario.json");
        try {
            Files.writeString(file, scenario);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Cli cli = Cli.run("simulate", file.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        return cli;
    }

    private static List<String> pathsAndCodes(String scenario) {
        try {
            new Simulator().run(scenario);
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(p -> p.path() + ": " + p.code()).toList();
        }
        throw new AssertionError("the scenario was accepted");
    }

    @Test
    void scenario_whenManyThingsAreWrong_reportsEveryProblemWithItsPathAtOnce() {
        Cli cli = simulate("""
                { "organization": { "id": "org-1", "timezone": "Mars/Olympus" },
                  "start": "yesterday",
                  "colour": "blue",
                  "automations": [
                    { "id": "dunning", "name": "Dunning", "status": "active", "trigger": { "type": "payment_flopped" },
                      "steps": [ { "id": "send", "type": "action",
                                   "action": { "type": "send_email", "params": { "templateId": "t" } },
                                   "nextSteps": ["missing"] } ] },
                    { "id": "other", "organizationId": "org-2", "name": "Other", "trigger": { "type": "manual" },
                      "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } } ] } ],
                  "segments": [ { "id": "vip" },
                                { "id": "gold", "conditions": { "conditions": [ { "field": "member.tier", "op": "equals", "value": "gold" } ] } } ],
                  "templates": [ { "id": "t", "body": "hello" } ],
                  "members": [ { "first_name": "Nobody" }, { "id": "m-1", "tags": "volunteer", "nickname": null } ],
                  "webhooks": [ { "url": "https://hooks.example.test/x", "responses": [ { "status": 999 } ] } ],
                  "timeline": [
                    { "at": "2026-01-05T09:00:00Z", "event": { "type": "payment_failed", "memberId": "ghost" } },
                    { "at": "2026-01-05T09:00:00Z", "teleport": { "memberId": "m-1" } },
                    { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "nope", "memberId": "m-1" } },
                    { "at": "not a time", "pause": { "automationId": "dunning" } } ] }
                """);

        List<String> expected = List.of(
                "$.colour: unknown_key",
                "$.organization.timezone: invalid_zone",
                "$.start: invalid_instant",
                "$.until: missing_key",
                "$.automations[0].trigger.type: invalid_enum",
                "$.automations[0].steps[0].nextSteps[0]: unknown_step",
                "$.automations[1].organizationId: organization_mismatch",
                "$.segments[0]: missing_key",
                "$.segments[1].conditions.conditions[0].op: invalid_enum",
                "$.templates[0].subject: missing_key",
                "$.members[0].id: missing_key",
                "$.members[1].tags: invalid_type",
                "$.members[1].nickname: null_not_allowed",
                "$.webhooks[0].responses[0].status: invalid_value",
                "$.timeline[1].teleport: unknown_key",
                "$.timeline[1]: missing_key",
                "$.timeline[3].at: invalid_instant",
                "$.timeline[0].event.memberId: unknown_member",
                "$.timeline[2].run.automationId: unknown_automation");
        assertThat(cli.err()).startsWith("simulate: ").contains("is not a valid scenario (" + expected.size()
                + " problems):");
        List<String> reported = cli.err().lines().skip(1).map(String::strip)
                .map(line -> line.substring(0, line.indexOf(": ", line.indexOf(": ") + 2))).toList();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void scenario_whenUntilIsNotAfterStart_saysSo() {
        Cli cli = simulate("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-05T08:00:00Z" }
                """);

        assertThat(cli.err()).contains("$.until: invalid_value: until (2026-01-05T08:00:00Z) must be after start");
    }

    @Test
    void scenario_whenJsonIsMalformed_givesLineAndColumn() {
        Cli cli = simulate("""
                { "start": "2026-01-05T08:00:00Z",
                  "until": "2026-01-06T08:00:00Z" ,, }
                """);

        assertThat(cli.err()).contains("$: malformed_json: line 2, column ");
    }

    @Test
    void scenario_whenKeyIsRepeatedOrTextTrails_isMalformed() {
        assertThat(pathsAndCodes("{ \"start\": \"2026-01-05T08:00:00Z\", \"start\": \"2026-01-06T08:00:00Z\" }"))
                .containsExactly("$: malformed_json");
        assertThat(pathsAndCodes("{ \"start\": \"2026-01-05T08:00:00Z\" } []")).containsExactly("$: malformed_json");
        assertThat(pathsAndCodes("   ")).containsExactly("$: malformed_json");
        assertThat(pathsAndCodes("[]")).containsExactly("$: invalid_type");
    }

    @Test
    void timeline_whenEntryIsOutsideTheScenarioTime_isRefused() {
        assertThat(pathsAndCodes("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z", "members": [ { "id": "m-1" } ],
                  "timeline": [
                    { "at": "2026-01-05T07:59:59Z", "update": { "memberId": "m-1", "set": { "status": "x" } } },
                    { "at": "2026-01-06T00:00:00Z", "update": { "memberId": "m-1", "set": { "status": "y" } } },
                    { "at": "2026-01-05T08:00:00Z", "update": { "memberId": "m-1", "set": { "status": "z" } } } ] }
                """)).containsExactly("$.timeline[0].at: invalid_value", "$.timeline[1].at: invalid_value");
    }

    @Test
    void timeline_whenMemberIsUsedBeforeItIsCreated_reportsTheEarlyUseOnly() {
        assertThat(pathsAndCodes("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z",
                  "timeline": [
                    { "at": "2026-01-05T11:00:00Z", "update": { "memberId": "m-9", "set": { "status": "active" } } },
                    { "at": "2026-01-05T10:00:00Z", "create": { "id": "m-9", "email": "nine@example.org" } },
                    { "at": "2026-01-05T09:00:00Z", "update": { "memberId": "m-9", "set": { "status": "new" } } },
                    { "at": "2026-01-05T12:00:00Z", "create": { "id": "m-9" } } ] }
                """)).containsExactly("$.timeline[2].update.memberId: unknown_member", "$.timeline[3].create.id: duplicate_id");
    }

    @Test
    void timeline_whenEntryBodiesAreWrong_saysWhatIsAllowed() {
        assertThat(pathsAndCodes("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z", "members": [ { "id": "m-1" } ],
                  "timeline": [
                    { "at": "2026-01-05T09:00:00Z", "event": { "type": "scheduled", "memberId": "m-1" } },
                    { "at": "2026-01-05T09:00:00Z", "update": { "memberId": "m-1", "set": { "tags": ["x"] } } },
                    { "at": "2026-01-05T09:00:00Z", "update": { "memberId": "m-1" } },
                    { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "a" }, "cancel": { "automationId": "a" } },
                    { "at": "2026-01-05T09:00:00Z", "event": { "type": "payment_failed", "payload": [1] } } ] }
                """)).containsExactly("$.timeline[3]: invalid_value",
                "$.timeline[0].event.type: invalid_value",
                "$.timeline[1].update.set.tags: invalid_value",
                "$.timeline[2].update: missing_key",
                "$.timeline[4].event.payload: invalid_type");
    }

    @Test
    void timeline_whenEngineRefusesAnEntryWhileRunning_exitsWithTwoNamingTheEntry() {
        Cli cli = simulate("""
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z", "members": [ { "id": "m-1" } ],
                  "automations": [ { "id": "draft", "name": "Draft", "trigger": { "type": "manual" },
                    "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } } ] } ],
                  "timeline": [ { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "draft", "memberId": "m-1" } } ] }
                """);

        assertThat(cli.err()).contains("$.timeline[0].run: refused: the engine refused this entry at"
                + " 2026-01-05T09:00:00Z: automation \"draft\" is not active");
    }

    @Test
    void simulator_whenScenarioIsInvalid_throwsWithEveryProblem() {
        assertThatThrownBy(() -> new Simulator().run("{ \"until\": \"2026-01-06T00:00:00Z\", \"members\": [ 3 ] }"))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::toString)
                        .containsExactly("$.start: missing_key: a scenario needs \"start\"",
                                "$.members[0]: invalid_type: expected a member (an object), got a number"));
    }
}
