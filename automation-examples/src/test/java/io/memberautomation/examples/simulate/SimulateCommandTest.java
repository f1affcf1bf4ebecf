package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.examples.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate FILE|-} through {@link io.memberautomation.examples.Main}: streams and exit codes. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void simulate_whenGivenAScenarioFile_printsOnlyTheJsonResultAndExitsWithZero() {
        Path file = Scenarios.SOURCE_DIR.resolve("payment-failed-dunning.scenario.json");

        Cli cli = Cli.run("simulate", file.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo(new Simulator().run(Scenarios.text("payment-failed-dunning")).toJson());
        assertThat(Scenarios.parse(cli.out()).get("executions")).hasSize(2);
    }

    @Test
    void simulate_whenRunTwice_printsIdenticalBytes() {
        Path file = Scenarios.SOURCE_DIR.resolve("pause-resume-cancel.scenario.json");

        Cli first = Cli.run("simulate", file.toString());
        Cli second = Cli.run("simulate", file.toString());

        assertThat(second.out()).isEqualTo(first.out()).isNotEmpty();
    }

    @Test
    void simulate_whenDash_readsTheScenarioFromStandardInput() {
        byte[] scenario = Scenarios.text("new-version").getBytes(StandardCharsets.UTF_8);

        Cli cli = Cli.runWithInput(scenario, "simulate", "-");

        assertThat(cli.exitCode()).isZero();
        assertThat(Scenarios.parse(cli.out()).get("executions")).hasSize(2);
    }

    @Test
    void simulate_whenFileMissing_saysSoOnStandardErrorAndExitsWithTwo() {
        Cli cli = Cli.run("simulate", dir.resolve("nowhere.json").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("simulate: cannot read ").contains("nowhere.json: no such file");
    }

    @Test
    void simulate_whenPathIsADirectory_saysItCannotReadItAndExitsWithTwo() {
        Cli cli = Cli.run("simulate", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("simulate: cannot read " + dir);
    }

    @Test
    void simulate_whenInputIsNotUtf8_refusesItAndExitsWithTwo() {
        Cli cli = Cli.runWithInput(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "simulate", "-");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("$: unreadable: the scenario is not UTF-8 text");
    }

    @Test
    void simulate_whenArgumentsAreWrong_printsItsUsageAndExitsWithTwo() {
        Cli none = Cli.run("simulate");
        Cli two = Cli.run("simulate", "a.json", "b.json");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("usage: simulate FILE|-");
        assertThat(none.out() + two.out()).isEmpty();
    }

    @Test
    void simulate_whenAutomationHasAnUnreachableStep_warnsOnStandardErrorAndStillSucceeds() throws IOException {
        Path file = dir.resolve("warning.scenario.json");
        Files.writeString(file, """
                { "start": "2026-01-05T08:00:00Z", "until": "2026-01-06T00:00:00Z",
                  "automations": [ { "id": "a", "name": "A", "status": "active", "trigger": { "type": "manual" },
                    "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } },
                               { "id": "orphan", "type": "action", "action": { "type": "add_tag", "params": { "tag": "y" } } } ] } ],
                  "members": [ { "id": "m-1" } ],
                  "timeline": [ { "at": "2026-01-05T09:00:00Z", "run": { "automationId": "a", "memberId": "m-1" } } ] }
                """);

        Cli cli = Cli.run("simulate", file.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).startsWith("simulate: warning: $.automations[0].steps[1]: unreachable_step: ");
        assertThat(Scenarios.parse(cli.out()).get("effects").get(0).get("tag").asText()).isEqualTo("x");
    }
}
