package io.memberautomation.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository's README.md as its tests read it: its fenced code blocks (with the HTML comment marker on
 * the line before, if any), and the regions of test sources that the README shows, so that what the README
 * shows is what the build compiles and runs.
 */
final class Readme {
    /** The repository root, seen from this module's directory (where Maven runs its tests). */
    static final Path ROOT = Path.of("..");
    static final Path README = ROOT.resolve("README.md");
    private static final Path TEST_SOURCES = Path.of("src/test/java/io/memberautomation/examples");

    private Readme() {}

    /** One fenced block: its language, its text (every line ending in a newline) and its marker comment. */
    record Block(String language, String content, Optional<String> marker) {}

    static String text() {
        return read(README);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fenced block of the README, in order. */
    static List<Block> blocks() {
        List<String> lines = text().lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            String language = lines.get(i).substring(3).strip();
            Optional<String> marker = i > 0 ? marker(lines.get(i - 1)) : Optional.empty();
            StringBuilder content = new StringBuilder();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                content.append(lines.get(end)).append('\n');
                end++;
            }
            blocks.add(new Block(language, content.toString(), marker));
            i = end;
        }
        return blocks;
    }

    /** The block right after the marker comment {@code <!-- marker -->}. */
    static Block block(String marker) {
        List<Block> marked = blocks().stream().filter(block -> block.marker().equals(Optional.of(marker))).toList();
        if (marked.size() != 1) {
            throw new AssertionError("README.md must have exactly one block marked <!-- " + marker + " -->, has "
                    + marked.size());
        }
        return marked.get(0);
    }

    private static Optional<String> marker(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("<!--") && stripped.endsWith("-->")) {
            return Optional.of(stripped.substring(4, stripped.length() - 3).strip());
        }
        return Optional.empty();
    }

    /**
     * The lines of a test source between {@code // readme:NAME:begin} and {@code // readme:NAME:end}, with the
     * begin marker's indentation taken off, each ending in a newline.
     */
    static String region(String sourceFile, String name) {
        List<String> lines = read(TEST_SOURCES.resolve(sourceFile)).lines().toList();
        int begin = indexOf(lines, "// readme:" + name + ":begin", sourceFile);
        int end = indexOf(lines, "// readme:" + name + ":end", sourceFile);
        int indent = lines.get(begin).indexOf('/');
        StringBuilder region = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            region.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return region.toString();
    }

    private static int indexOf(List<String> lines, String marker, String sourceFile) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(sourceFile + " has no line " + marker);
    }
}
