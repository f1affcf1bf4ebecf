package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void main_whenNoCommand_printsUsageAndExitsWithTwo() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("usage: java -jar automation.jar COMMAND [ARGS]")
                .contains("demo [OPTIONS]", "simulate FILE|-");
    }

    @Test
    void main_whenCommandUnknown_namesItPrintsUsageAndExitsWithTwo() {
        Cli cli = Cli.run("simulat", "x.json");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("unknown command: simulat").contains("usage:", "simulate FILE|-");
    }
}
