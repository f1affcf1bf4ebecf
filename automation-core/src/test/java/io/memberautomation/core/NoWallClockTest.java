package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's guard on time: the core reads time only from the injected {@code Clock} SPI and never sleeps,
 * so tests and dry runs can drive it with a test clock. A violation fails {@code mvn verify}.
 */
class NoWallClockTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\("
                    + "|System\\.currentTimeMillis\\(|System\\.nanoTime\\(|Thread\\.sleep\\(|TimeUnit\\.\\w+\\.sleep\\("
                    + "|java\\.time\\.Clock\\.system");

    @Test
    void coreSources_whenScanned_neverReadTheWallClockOrSleep() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../automation-jdbc-store/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (FORBIDDEN.matcher(lines.get(i)).find()) {
                            violations.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("wall-clock reads or sleeps in engine code; inject io.memberautomation.spi.Clock")
                .isEmpty();
    }

    @Test
    void forbiddenPattern_whenGivenAViolation_matchesIt() {
        assertThat(FORBIDDEN.matcher("var t = Instant.now();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("Thread.sleep(10);").find()).isTrue();
        assertThat(FORBIDDEN.matcher("clock.now()").find()).isFalse();
    }
}
