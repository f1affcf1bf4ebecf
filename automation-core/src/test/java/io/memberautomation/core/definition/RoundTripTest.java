package io.memberautomation.core.definition;

import io.memberautomation.core.model.Automation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing loses nothing: every example reads back from what was written as an equal automation. */
class RoundTripTest {

    private static final AutomationDefinitions DEFINITIONS = ExampleFiles.DEFINITIONS;

    static List<Path> examples() {
        return ExampleFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_whenReadWrittenAndReadAgain_givesAnEqualAutomation(Path file) {
        Automation original = DEFINITIONS.read(ExampleFiles.read(file));

        String written = DEFINITIONS.write(original);

        assertThat(DEFINITIONS.read(written)).isEqualTo(original);
        assertThat(DEFINITIONS.write(DEFINITIONS.read(written))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_whenValidatedAsAModel_reportsNothingAndGivesItBack(Path file) {
        Automation original = DEFINITIONS.read(ExampleFiles.read(file));

        ValidationReport report = DEFINITIONS.validate(original);

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).isPresent();
    }
}
