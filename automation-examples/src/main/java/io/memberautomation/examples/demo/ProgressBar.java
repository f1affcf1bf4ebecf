package io.memberautomation.examples.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on standard error that the demo keeps rewriting ({@code \r}): members loaded, then the simulated
 * day and the executions so far. {@link #finish()} ends the line, so the summary starts on a fresh one.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final LongSupplier executions;
    private int lastLength;

    /** @param executions how many executions the engine has started so far */
    ProgressBar(PrintStream err, LongSupplier executions) {
        this.err = err;
        this.executions = executions;
    }

    void loading(int loaded, int total) {
        show(String.format(Locale.ROOT, "loading members %,d/%,d", loaded, total));
    }

    void day(int day, int days) {
        int filled = WIDTH * day / days;
        show(String.format(Locale.ROOT, "day %d/%d [%s%s] %,d executions", day, days, "#".repeat(filled),
                ".".repeat(WIDTH - filled), executions.getAsLong()));
    }

    /** Ends the progress line, if one is showing. */
    void finish() {
        if (lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    private void show(String line) {
        // pad over the end of a longer previous line, since \r only moves the cursor
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }
}
