package io.memberautomation.core.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown document, each with the file it claims to show. A block names its
 * file with an HTML comment on the line before the fence, which renders as nothing:
 * <ul>
 *   <li>{@code <!-- example: examples/x.json -->}: the block is that file, a valid example;</li>
 *   <li>{@code <!-- invalid-example: examples/invalid/x.json -->}: the block is that file, an invalid one;</li>
 *   <li>{@code <!-- validation-output: examples/invalid/x.json -->}: the block is what validating that file
 *       reports, one problem a line;</li>
 *   <li>{@code <!-- trigger-loop-output: examples/x.automation.json -->}: the block is the trigger loop
 *       warnings saving that automation alone reports, one a line.</li>
 * </ul>
 */
final class MarkdownBlocks {
    private MarkdownBlocks() {}

    private static final Pattern MARKER = Pattern.compile(
            "^<!-- (example|invalid-example|validation-output|trigger-loop-output): (\\S+) -->$");
    private static final Pattern OPEN = Pattern.compile("^```(\\w*)$");
    private static final String CLOSE = "```";

    /** What a marker says about the block after it. */
    enum Kind {
        EXAMPLE, INVALID_EXAMPLE, VALIDATION_OUTPUT, TRIGGER_LOOP_OUTPUT;

        /** Whether the block shows the file itself, rather than what the engine says about it. */
        boolean showsFile() {
            return this == EXAMPLE || this == INVALID_EXAMPLE;
        }
    }

    /** A marker: its kind and the file it names, relative to the document's directory. */
    record Marker(Kind kind, String file) {}

    /**
     * One fenced block.
     *
     * @param line     the 1-based line of its opening fence
     * @param language the fence's info string ({@code json}, {@code text}, ...), empty if none
     * @param marker   the marker on the line before the fence, if any
     * @param content  the text between the fences, each line ending with a newline
     */
    record Block(int line, String language, Optional<Marker> marker, String content) {
        @Override
        public String toString() {
            return "line " + line + marker.map(m -> " (" + m.file() + ")").orElse("");
        }
    }

    /** Every marker in the document, in order, whether or not a block follows it. */
    static List<Marker> markers(String markdown) {
        List<Marker> markers = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            marker(line).ifPresent(markers::add);
        }
        return markers;
    }

    /**
     * Every fenced block.
     *
     * @throws IllegalArgumentException when a block is not closed
     */
    static List<Block> parse(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i].strip());
            if (!open.matches()) {
                continue;
            }
            int fence = i;
            StringBuilder content = new StringBuilder();
            for (i++; i < lines.length && !lines[i].strip().equals(CLOSE); i++) {
                content.append(lines[i]).append('\n');
            }
            if (i == lines.length) {
                throw new IllegalArgumentException("the block at line " + (fence + 1) + " is not closed");
            }
            Optional<Marker> marker = fence == 0 ? Optional.empty() : marker(lines[fence - 1]);
            blocks.add(new Block(fence + 1, open.group(1), marker, content.toString()));
        }
        return blocks;
    }

    private static Optional<Marker> marker(String line) {
        Matcher marker = MARKER.matcher(line.strip());
        if (!marker.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(marker.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
        return Optional.of(new Marker(kind, marker.group(2)));
    }
}
