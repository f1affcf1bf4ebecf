package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shipped scenario files, read from the classpath as the jar holds them, and helpers to run them. */
final class Scenarios {
    static final Path SOURCE_DIR = Path.of("src/main/resources/scenarios");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Scenarios() {}

    /** The names of every shipped scenario ({@code payment-failed-dunning}, ...), sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(SOURCE_DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".scenario.json"))
                    .map(name -> name.substring(0, name.length() - ".scenario.json".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + name + ".scenario.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        return (ObjectNode) parse(text(name));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a shipped scenario and parses its printed result. */
    static Result run(String name) {
        return new Result(parse(new Simulator().run(text(name)).toJson()));
    }

    /** Runs a scenario tree and parses its printed result. */
    static Result run(JsonNode scenario) {
        return new Result(parse(new Simulator().run(scenario.toString()).toJson()));
    }

    /** The scenario stopped early: {@code until} moved and the timeline entries from then on dropped. */
    static ObjectNode until(ObjectNode scenario, String until) {
        ObjectNode copy = scenario.deepCopy();
        copy.put("until", until);
        ArrayNode kept = copy.putArray("timeline");
        scenario.get("timeline").forEach(entry -> {
            if (Instant.parse(entry.get("at").asText()).isBefore(Instant.parse(until))) {
                kept.add(entry);
            }
        });
        return copy;
    }

    /** A simulation's output, with lookups by what the tests ask about. */
    record Result(JsonNode json) {
        JsonNode execution(String id) {
            for (JsonNode execution : json.get("executions")) {
                if (execution.get("id").asText().equals(id)) {
                    return execution;
                }
            }
            throw new AssertionError("no execution " + id + " in " + json.get("executions"));
        }

        List<JsonNode> executions() {
            return list(json.get("executions"));
        }

        List<JsonNode> effects() {
            return list(json.get("effects"));
        }

        List<JsonNode> effects(String type) {
            return effects().stream().filter(effect -> effect.get("type").asText().equals(type)).toList();
        }

        List<JsonNode> effectsOf(String memberId) {
            return effects().stream().filter(effect -> effect.path("memberId").asText().equals(memberId)).toList();
        }

        JsonNode member(String id) {
            for (JsonNode member : json.get("members")) {
                if (member.get("id").asText().equals(id)) {
                    return member;
                }
            }
            throw new AssertionError("no member " + id);
        }

        /** The execution's step attempts as {@code stepId:status}. */
        List<String> trail(String executionId) {
            return list(execution(executionId).get("steps")).stream()
                    .map(step -> step.get("stepId").asText() + ":" + step.get("status").asText()).toList();
        }

        JsonNode step(String executionId, String stepId, String status) {
            for (JsonNode step : execution(executionId).get("steps")) {
                if (step.get("stepId").asText().equals(stepId) && step.get("status").asText().equals(status)) {
                    return step;
                }
            }
            throw new AssertionError("no " + status + " step " + stepId + " in " + executionId);
        }

        private static List<JsonNode> list(JsonNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            return items;
        }
    }
}
