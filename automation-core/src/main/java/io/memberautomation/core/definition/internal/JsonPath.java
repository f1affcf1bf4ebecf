package io.memberautomation.core.definition.internal;

import java.util.regex.Pattern;

/**
 * A JSON path as problems report it: {@code $.steps[2].nextSteps[0]}. Keys that are not plain words are
 * written in brackets ({@code $.params.headers['X Sig']}) so every path reads back unambiguously.
 */
public final class JsonPath {

    public static final JsonPath ROOT = new JsonPath("$");

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final String text;

    private JsonPath(String text) {
        this.text = text;
    }

    public JsonPath key(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return new JsonPath(text + "." + key);
        }
        return new JsonPath(text + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']");
    }

    public JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    /** This path followed by a path relative to it, as {@link #relative()} writes it ({@code a.b[0]}). */
    public JsonPath append(String relative) {
        if (relative.isEmpty()) {
            return this;
        }
        return new JsonPath(text + (relative.startsWith("[") ? "" : ".") + relative);
    }

    /** The path without its leading {@code $} and dot: {@code headers.X} for {@code $.headers.X}. */
    public String relative() {
        String rest = text.substring(1);
        return rest.startsWith(".") ? rest.substring(1) : rest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
