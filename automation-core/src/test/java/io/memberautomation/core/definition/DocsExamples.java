package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The examples of the documentation ({@code docs/examples}): complete automations, single steps and single
 * conditions, and how a partial example is wrapped into the smallest automation that validates it.
 */
final class DocsExamples {
    private DocsExamples() {}

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path DOCS = ExampleFiles.repositoryRoot().resolve("docs");
    static final Path EXAMPLES = DOCS.resolve("examples");

    static final String STEP_SUFFIX = ".step.json";
    static final String CONDITION_SUFFIX = ".condition.json";
    static final String SCENARIO_SUFFIX = ".scenario.json";

    /** The complete automations, {@code docs/examples/*.automation.json}. */
    static List<Path> automations() {
        return list(EXAMPLES, ExampleFiles.SUFFIX);
    }

    /** The single steps, {@code docs/examples/steps/*.step.json}. */
    static List<Path> steps() {
        return list(EXAMPLES.resolve("steps"), STEP_SUFFIX);
    }

    /** The single conditions, {@code docs/examples/conditions/*.condition.json}. */
    static List<Path> conditions() {
        return list(EXAMPLES.resolve("conditions"), CONDITION_SUFFIX);
    }

    /** The scenarios of the simulate tool, {@code docs/examples/*.scenario.json}. */
    static List<Path> scenarios() {
        return list(EXAMPLES, SCENARIO_SUFFIX);
    }

    /** Invalid automations, shown with what validation reports: {@code docs/examples/invalid/*.json}. */
    static List<Path> invalid() {
        return list(EXAMPLES.resolve("invalid"), ".json");
    }

    /** Every valid example file of the documentation, whatever it holds. */
    static List<Path> all() {
        return Stream.of(automations(), steps(), conditions(), scenarios()).flatMap(List::stream).sorted().toList();
    }

    /** The path of an example file as the documents' markers write it, relative to {@code docs/}. */
    static String relative(Path file) {
        return DOCS.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        return ExampleFiles.read(file);
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A step example as the only step of an automation, its original text kept (so that a duplicate key
     * in the file is still found). Every step it names in {@code nextSteps} or {@code elseSteps} is added
     * as a short delay step, so that the references resolve and no step is unreachable.
     */
    static String wrapStep(String stepJson) {
        JsonNode step = tree(stepJson);
        Set<String> referenced = new LinkedHashSet<>();
        for (String key : List.of("nextSteps", "elseSteps")) {
            step.path(key).forEach(id -> referenced.add(id.asText()));
        }
        String stubs = referenced.stream()
                .map(id -> ",\n{ \"id\": \"" + id + "\", \"type\": \"delay\", \"delay\": { \"duration\": \"PT1M\" } }")
                .collect(Collectors.joining());
        return "{ \"id\": \"docs-step-example\", \"name\": \"A step of the documentation\",\n"
                + "  \"trigger\": { \"type\": \"manual\" },\n  \"steps\": [\n" + stepJson + stubs + "\n] }\n";
    }

    /** A condition example (a leaf or a group) as the whole condition of a condition step. */
    static String wrapCondition(String conditionJson) {
        return "{ \"id\": \"docs-condition-example\", \"name\": \"A condition of the documentation\",\n"
                + "  \"trigger\": { \"type\": \"manual\" },\n"
                + "  \"steps\": [ { \"id\": \"check\", \"type\": \"condition\", \"condition\": { \"conditions\": [\n"
                + conditionJson + "\n] } } ] }\n";
    }

    /** Every object of a tree, depth first, the root included. */
    static void eachObject(JsonNode node, Consumer<JsonNode> visitor) {
        List<JsonNode> pending = new ArrayList<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            if (next.isObject()) {
                visitor.accept(next);
            }
            if (next.isContainerNode()) {
                next.forEach(pending::add);
            }
        }
    }
}
