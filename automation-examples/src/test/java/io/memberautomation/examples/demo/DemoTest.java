package io.memberautomation.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.examples.Cli;
import io.memberautomation.examples.simulate.Effects;
import io.memberautomation.spi.store.ExecutionRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo, run once in-process on embedded H2 with 300 members over 20 days, and checked for what it must
 * show: every automation at work, the billing webhook retried under one idempotency key, and a report with
 * a diagram of each automation and the effects of every day.
 */
class DemoTest {
    private static final int DAYS = 20;

    @TempDir
    static Path dir;

    private static int exitCode;
    private static String out;
    private static String err;
    private static DemoResult result;
    private static String report;

    @BeforeAll
    static void runTheDemo() throws IOException {
        Path reportFile = dir.resolve("reports/demo.md");
        AtomicReference<DemoResult> captured = new AtomicReference<>();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            exitCode = new DemoCommand(captured::set).run(List.of("--members", "300", "--days", String.valueOf(DAYS),
                    "--report", reportFile.toString()), new ByteArrayInputStream(new byte[0]), o, e);
        }
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        result = captured.get();
        report = Files.readString(reportFile);
    }

    @Test
    void demo_whenRunSmall_exitsWithZeroAndEveryAutomationHasExecutions() {
        assertThat(exitCode).as(err).isZero();
        Map<String, Long> perAutomation = result.executions().stream()
                .collect(Collectors.groupingBy(ExecutionRecord::automationId, Collectors.counting()));

        assertThat(perAutomation.keySet()).containsExactlyInAnyOrderElementsOf(DemoAutomations.IDS);
        assertThat(result.executions()).noneMatch(execution -> DemoReport.status(execution).equals("failed"));
        assertThat(result.database()).isEqualTo("embedded H2 (in memory)");
        assertThat(result.members()).hasSizeGreaterThan(300);
    }

    @Test
    void demo_whenBillingAnswers503First_retriesEachDeliveryOnceWithTheSameIdempotencyKey() {
        Set<String> dunning = result.executions().stream().filter(e -> e.automationId().equals("payment-dunning"))
                .map(ExecutionRecord::id).collect(Collectors.toSet());
        Map<String, Integer> requests = result.billingRequests();

        assertThat(requests).isNotEmpty().allSatisfy((key, count) -> {
            assertThat(count).as(key).isEqualTo(2);
            assertThat(dunning).as(key).contains(key.substring(0, key.indexOf(':')));
            assertThat(key).contains(":tell-billing:");
        });
        assertThat(requests).hasSize(dunning.size());
        List<Effects.Effect> calls = result.effects().stream()
                .filter(e -> e.type().equals("webhook") && dunning.contains(e.executionId())).toList();
        assertThat(calls).hasSize(2 * dunning.size()).allSatisfy(call -> assertThat(call.json().get("status").asInt())
                .isEqualTo(call.json().get("attempt").asInt() == 1 ? 503 : 200));
    }

    @Test
    void demo_whenDone_writesAReportWithSixDiagramsAndADayByDayTable() {
        assertThat(Pattern.compile("^```mermaid$", Pattern.MULTILINE).matcher(report).results().count()).isEqualTo(6);
        assertThat(report).contains("## Effects per day", "## Executions by automation and status",
                "## Member timelines", "flowchart TD", "## Posted to the board");
        assertThat(Pattern.compile("^\\| 2026-03-(02|09|16) 08:30 \\| board \\| This week: \\d+ new members, ",
                Pattern.MULTILINE).matcher(report).results().count()).isEqualTo(3);
        for (int day = 1; day <= DAYS; day++) {
            assertThat(report).contains("\n| " + day + " | " + LocalDate.of(2026, 3, 1).plusDays(day) + " | ");
        }
        assertThat(report).doesNotContain("\n| " + (DAYS + 1) + " | ");
    }

    @Test
    void demo_whenDone_printsTheSummaryTablesAndThreeTimelines() {
        assertThat(out).contains("Executions by automation and status", "Effects by type", "award_badge",
                "Member timelines", "Report written to");
        DemoAutomations.IDS.forEach(id -> assertThat(out).contains("\n  " + id + " "));
        Matcher timelines = Pattern.compile("^  m-\\d{6} ", Pattern.MULTILINE).matcher(out);
        assertThat(timelines.results().count()).isEqualTo(3);
    }

    @Test
    void demo_whileRunning_rewritesOneProgressLineOnStandardError() {
        assertThat(err).startsWith("\rloading members").contains("\rday 1/" + DAYS + " [", "\rday " + DAYS + "/" + DAYS
                + " [##############################] ").endsWith("executions\n");
        assertThat(err.chars().filter(c -> c == '\n').count()).isOne();
    }

    @Test
    void demo_whenRunTwiceWithOneSeed_doesTheSameThings() throws IOException {
        String first = smallRun("first.md");
        String second = smallRun("second.md");

        assertThat(second).isEqualTo(first).contains("## Effects per day");
    }

    /** The report of a tiny run from the section on executions on, which leaves out how long it took. */
    private static String smallRun(String name) throws IOException {
        Path file = dir.resolve(name);
        Cli cli = Cli.run("demo", "--members", "60", "--days", "8", "--seed", "7", "--report=" + file);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String text = Files.readString(file);
        return text.substring(text.indexOf("## Executions")).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--members=abc", "--members=0", "--days=400", "--bogus=1", "--jdbc-user=me", "extra",
            "--seed"})
    void demo_whenAnOptionIsBad_printsTheProblemAndUsageAndExitsWithTwo(String option) {
        Cli cli = Cli.run("demo", option);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("demo: ").contains("usage: demo [--members N]");
    }

    @Test
    void demo_whenAskedForHelp_printsTheUsageOnStandardOutput() {
        Cli cli = Cli.run("demo", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("usage: demo").contains("--jdbc-url URL", "--report PATH");
        assertThat(cli.err()).isEmpty();
    }
}
