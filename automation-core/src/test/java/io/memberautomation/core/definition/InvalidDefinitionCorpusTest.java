package io.memberautomation.core.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of invalid documents in {@code src/test/resources/invalid}: each {@code name.json} sits next to
 * {@code name.expected.txt}, which lists the exact {@code path: code} of every problem (order-insensitive).
 * A few documents too big to keep as files are generated here.
 */
class InvalidDefinitionCorpusTest {

    record Case(String name, String json, Set<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.standard();

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(fileCases());
        cases.addAll(generatedCases());
        return cases;
    }

    private static List<Case> fileCases() {
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(InvalidDefinitionCorpusTest::fileCase)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(Objects.requireNonNull(InvalidDefinitionCorpusTest.class.getResource("/invalid")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case fileCase(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path expectations = file.resolveSibling(name + ".expected.txt");
        try {
            Set<String> expected = Files.readAllLines(expectations).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
            return new Case(name, Files.readString(file), expected);
        } catch (IOException e) {
            throw new UncheckedIOException("no expectations for " + file, e);
        }
    }

    private static List<Case> generatedCases() {
        return List.of(
                new Case("generated: 10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000),
                        Set.of("$: too_deep")),
                new Case("generated: 10,000 nested condition groups", Documents.withExitWhen(
                        "{\"conditions\":[".repeat(10_000) + "]}".repeat(10_000)), Set.of("$: too_deep")),
                new Case("generated: a 2 MB document", Documents.named("x".repeat(2_000_000)),
                        Set.of("$: document_too_large")),
                new Case("generated: 600 steps", Documents.withDelaySteps(600), Set.of("$.steps: too_many_steps")),
                new Case("generated: 1,001 conditions", Documents.withExitWhen(Documents.conditions(1_001)),
                        Set.of("$.exitWhen: too_many_conditions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validate_whenDocumentIsInvalid_reportsExactlyTheExpectedProblems(Case invalid) {
        ValidationReport report = DEFINITIONS.validate(invalid.json());

        List<String> reported = report.problems().stream()
                .map(problem -> problem.path() + ": " + problem.code().wireName())
                .toList();
        assertThat(Set.copyOf(reported))
                .as("problems of %s:%n%s", invalid.name(), report.problems().stream()
                        .map(ValidationProblem::toString).collect(Collectors.joining("\n")))
                .isEqualTo(invalid.expected());
        assertThat(reported).as("each problem is reported once").doesNotHaveDuplicates();
        assertThat(report.isValid()).isEqualTo(report.errors().isEmpty());
    }

    @Test
    void corpus_whenListed_holdsAtLeastThirtyDocumentsWithExpectations() {
        assertThat(fileCases()).hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(invalid -> assertThat(invalid.expected()).isNotEmpty());
    }

    @Test
    void corpus_whenAllCasesAreTaken_coversEveryProblemCode() {
        Set<ProblemCode> covered = EnumSet.noneOf(ProblemCode.class);
        for (Case invalid : cases()) {
            invalid.expected().forEach(line -> covered.add(
                    ProblemCode.fromWireName(line.substring(line.lastIndexOf(": ") + 2)).orElseThrow()));
        }
        // trigger_loop needs the organization's other automations, so the engine reports it when saving
        // (TriggerLoopsTest), never the document validator
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(ProblemCode.TRIGGER_LOOP)));
    }
}
