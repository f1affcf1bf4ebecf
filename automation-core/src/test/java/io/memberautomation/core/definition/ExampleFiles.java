package io.memberautomation.core.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every example automation of the repository: by convention a file named {@code *.automation.json},
 * anywhere outside build output.
 */
final class ExampleFiles {
    private ExampleFiles() {}

    static final String SUFFIX = ".automation.json";
    /**
     * What the examples are read with: the built-in action types plus {@code award_badge}, the custom action
     * the examples module registers ({@code AwardBadgeHandler}) and its demo's automations use; its one
     * required param is {@code badge}.
     */
    static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.builder()
            .actionType("award_badge", params -> params.containsKey("badge") ? List.of()
                    : List.of(ParamProblem.missing("badge")))
            .build();
    private static final Set<String> SKIPPED = Set.of("target", ".git");

    /** The repository root: the highest directory, from the module upwards, that holds a pom.xml. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir.getParent() != null && Files.exists(dir.getParent().resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    static List<Path> all() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(repositoryRoot(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return SKIPPED.contains(String.valueOf(dir.getFileName())) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(SUFFIX)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
