package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What README.md states about the repository stays true: its first block is the two commands (the test
 * command being the one CI runs), the simulate example shows the scenario file and what the tool prints for
 * it byte for byte, and every relative link leads to a file.
 */
class ReadmeTest {
    static final String BUILD_AND_DEMO =
            "mvn -B -ntp -DskipTests package && java -jar automation-examples/target/automation.jar demo";
    static final String RUN_TESTS = "mvn -B -ntp verify";
    static final String SCENARIO = "docs/examples/welcome.scenario.json";

    @Test
    void firstBlock_whenRead_isTheTwoCommands() {
        Readme.Block first = Readme.blocks().get(0);
        List<String> commands = first.content().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(first.language()).isEqualTo("bash");
        assertThat(commands).containsExactly(BUILD_AND_DEMO, RUN_TESTS);
    }

    @Test
    void testCommand_whenComparedWithCi_isTheCommandCiRuns() {
        List<String> ci = Readme.read(Readme.ROOT.resolve(".ci/run")).lines().map(String::strip).toList();

        assertThat(ci).contains(RUN_TESTS);
    }

    @Test
    void simulateExample_whenRead_showsTheScenarioFileByteForByte() {
        Readme.Block shown = Readme.block("file: " + SCENARIO);

        assertThat(shown.language()).isEqualTo("json");
        assertThat(shown.content()).isEqualTo(Readme.read(Readme.ROOT.resolve(SCENARIO)));
    }

    @Test
    void simulateExample_whenTheToolRuns_printsWhatTheReadmeShows() {
        Cli cli = Cli.run("simulate", Readme.ROOT.resolve(SCENARIO).toString());
        Readme.Block shown = Readme.block("output: simulate " + SCENARIO);

        assertThat(cli.exitCode()).isZero();
        assertThat(shown.language()).isEqualTo("json");
        assertThat(shown.content()).isEqualTo(cli.out());
    }

    @Test
    void relativeLinks_whenFollowed_leadToFiles() {
        Matcher links = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)").matcher(Readme.text());
        int relative = 0;
        while (links.find()) {
            String target = links.group(1);
            if (!target.contains("://")) {
                relative++;
                assertThat(Files.exists(Readme.ROOT.resolve(Path.of(target)))).as("README links to %s", target).isTrue();
            }
        }
        assertThat(relative).isPositive();
    }
}
