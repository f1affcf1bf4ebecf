package io.memberautomation.core.definition;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builds test documents around a small valid automation. */
final class Documents {
    private Documents() {}

    static final String MINIMAL = """
            { "id": "minimal", "name": "Minimal", "trigger": { "type": "manual" },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "x" } } } ] }
            """;

    static String named(String name) {
        return MINIMAL.replace("\"Minimal\"", "\"" + name + "\"");
    }

    static String withExitWhen(String exitWhen) {
        return MINIMAL.replace("\"trigger\"", "\"exitWhen\": " + exitWhen + ", \"trigger\"");
    }

    static String withSteps(String steps) {
        return MINIMAL.replaceFirst("\"steps\": \\[.*] }\\s*$", "\"steps\": " + steps + " }");
    }

    /** A chain of delay steps {@code s0 -> s1 -> ...}. */
    static String withDelaySteps(int count) {
        return withSteps(IntStream.range(0, count)
                .mapToObj(i -> "{ \"id\": \"s" + i + "\", \"type\": \"delay\", \"delay\": { \"duration\": \"PT1M\" }"
                        + (i + 1 < count ? ", \"nextSteps\": [\"s" + (i + 1) + "\"]" : "") + " }")
                .collect(Collectors.joining(",\n", "[", "]")));
    }

    /** A group of {@code count} leaf conditions. */
    static String conditions(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{ \"field\": \"member.f" + i + "\", \"op\": \"is_set\" }")
                .collect(Collectors.joining(", ", "{ \"conditions\": [", "] }"));
    }
}
