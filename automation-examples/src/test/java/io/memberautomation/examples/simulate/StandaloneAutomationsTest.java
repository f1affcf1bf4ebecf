package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The automations the scenarios embed also ship as standalone {@code <id>.automation.json} files (which the
 * core module's example test checks against the JSON Schema and the validator); the two copies never drift.
 */
class StandaloneAutomationsTest {
    private static final Path DIR = Path.of("src/main/resources/automations");

    private static Map<String, JsonNode> standalone() {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(DIR)) {
            for (Path path : paths.sorted().toList()) {
                files.put(path.getFileName().toString(), Scenarios.parse(Files.readString(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Map<String, JsonNode> embedded() {
        Map<String, JsonNode> automations = new LinkedHashMap<>();
        for (String name : Scenarios.names()) {
            Scenarios.tree(name).get("automations").forEach(a -> automations.put(a.get("id").asText(), a));
        }
        return automations;
    }

    @Test
    void standaloneFile_whenComparedWithItsScenario_isTheSameDocumentNamedByItsId() {
        Map<String, JsonNode> embedded = embedded();
        Map<String, JsonNode> files = standalone();

        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        files.forEach((file, automation) -> {
            String id = automation.get("id").asText();
            assertThat(file).isEqualTo(id + ".automation.json");
            assertThat(embedded).containsKey(id);
            assertThat(automation).as(file).isEqualTo(embedded.get(id));
        });
    }

    @Test
    void embeddedAutomation_whenLookedFor_hasAStandaloneFile() {
        List<String> files = List.copyOf(standalone().keySet());

        embedded().keySet().forEach(id -> assertThat(files).contains(id + ".automation.json"));
    }
}
