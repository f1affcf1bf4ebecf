package io.memberautomation.examples.demo;

import io.memberautomation.examples.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code demo [OPTIONS]}: runs a membership organisation of 5,000 members through 60 simulated days on the
 * durable JDBC store (embedded H2 unless {@code --jdbc-url} names a PostgreSQL database), with six
 * automations: a welcome series, payment-failed dunning with a webhook to a local billing receiver, renewal
 * reminders, re-engagement, VIP upgrades and a weekly digest for the board. A progress line runs on
 * standard error, the summary goes to standard output and a Markdown report with a diagram of every
 * automation to {@code demo-report.md} (or {@code --report PATH}). Bad options, or a database that cannot be
 * used, print the problem and the usage on standard error and exit with code 2.
 */
public final class DemoCommand implements Command {
    static final int BAD_INPUT = 2;

    private final Consumer<DemoResult> onResult;

    public DemoCommand() {
        this(result -> { });
    }

    /** For tests: {@code onResult} also gets what the run did. */
    DemoCommand(Consumer<DemoResult> onResult) {
        this.onResult = onResult;
    }

    @Override
    public String arguments() {
        return "[OPTIONS]";
    }

    @Override
    public String summary() {
        return "run a membership organisation through 60 simulated days on H2 and write demo-report.md"
                + " (--help for the options)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.BadOptionException e) {
            err.println("demo: " + e.getMessage());
            err.print(DemoOptions.USAGE);
            return BAD_INPUT;
        }
        long started = System.nanoTime();
        AtomicLong executions = new AtomicLong();
        ProgressBar progress = new ProgressBar(err, executions::get);
        DemoResult result;
        try {
            result = new DemoRun(options, progress, executions).run();
        } catch (DemoRun.DemoDatabaseException e) {
            progress.finish();
            err.println("demo: " + e.getMessage());
            return BAD_INPUT;
        }
        DemoReport report = new DemoReport(result, options, Duration.ofNanos(System.nanoTime() - started));
        try {
            Path parent = options.report().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(options.report(), report.markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("demo: cannot write the report " + options.report() + ": " + e);
            return BAD_INPUT;
        }
        out.print(report.summary());
        out.flush();
        onResult.accept(result);
        return 0;
    }
}
