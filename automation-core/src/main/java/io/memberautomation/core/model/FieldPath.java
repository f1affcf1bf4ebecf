package io.memberautomation.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dotted path into the evaluation context: {@code member.tier}, {@code previous.status},
 * {@code event.amount}, {@code organization.name}, {@code steps.check.output.score}. Parsed once so that
 * evaluation never splits strings.
 *
 * @param root the context the path starts in
 * @param keys the keys below the root, at least one (for {@code steps}: the step id, then {@code output}, ...)
 */
public record FieldPath(Root root, List<String> keys) {

    /** The top-level contexts a path may start in. */
    public enum Root { MEMBER, PREVIOUS, EVENT, ORGANIZATION, STEPS }

    public FieldPath {
        Objects.requireNonNull(root, "root");
        keys = Checks.list(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a field path needs a key below " + WireName.of(root));
        }
        for (String key : keys) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key in field path");
            }
        }
        if (root == Root.STEPS && (keys.size() < 2 || !keys.get(1).equals("output"))) {
            throw new IllegalArgumentException("a step path reads steps.<stepId>.output[.field]");
        }
    }

    /** Parses a path, or returns empty when it is not one. */
    public static Optional<FieldPath> tryParse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        Optional<Root> root = WireName.parse(Root.class, parts[0]);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FieldPath(root.get(), Arrays.asList(parts).subList(1, parts.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses a path. @throws IllegalArgumentException when it is not one */
    public static FieldPath parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a field path: \"" + text
                + "\" (expected member.*, previous.*, event.*, organization.* or steps.<id>.output.*)"));
    }

    /** The first key below the root: the member field name for {@code member.*} paths. */
    public String head() {
        return keys.get(0);
    }

    @Override
    public String toString() {
        return WireName.of(root) + "." + String.join(".", keys);
    }
}
