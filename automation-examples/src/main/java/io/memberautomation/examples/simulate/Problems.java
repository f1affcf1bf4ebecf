package io.memberautomation.examples.simulate;

import io.memberautomation.core.definition.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects a scenario's problems in the order they are found; builds the paths they are reported at. */
final class Problems {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final List<ScenarioProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void add(String path, String code, String message) {
        problems.add(new ScenarioProblem(path, code, message));
    }

    /** Reports a problem of a document embedded at {@code prefix}: its path becomes a path into the scenario. */
    void addEmbedded(String prefix, ValidationProblem problem) {
        String path = within(prefix, problem.path());
        if (problem.isError()) {
            add(path, problem.code().wireName(), problem.message());
        } else {
            warnings.add(path + ": " + problem.code().wireName() + ": " + problem.message());
        }
    }

    int count() {
        return problems.size();
    }

    List<ScenarioProblem> all() {
        return List.copyOf(problems);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
    }

    /** The path of a key below {@code path}; keys that are not plain words are written in brackets. */
    static String key(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path + "." + key;
        }
        return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** {@code $.automations[0]} and {@code $.steps[2]} make {@code $.automations[0].steps[2]}. */
    static String within(String prefix, String relative) {
        return prefix + relative.substring(1);
    }
}
