package io.memberautomation.examples;

import io.memberautomation.examples.demo.DemoCommand;
import io.memberautomation.examples.simulate.SimulateCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar automation.jar COMMAND ARGS...}: dispatches to the subcommands. An unknown or missing
 * command prints the usage on standard error and exits with code 2.
 */
public final class Main {
    /** Exit code for a usage error or invalid input. */
    public static final int USAGE = 2;
    /** Exit code for a failure of the tool itself, not of its input. */
    public static final int INTERNAL_ERROR = 1;

    private static final Map<String, Command> COMMANDS = commands();

    private Main() {}

    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("demo", new DemoCommand());
        commands.put("simulate", new SimulateCommand());
        return Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs a command reading standard input from {@link System#in}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs a command on the given streams; returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            if (args.length > 0) {
                err.println("unknown command: " + args[0]);
            }
            usage(err);
            return USAGE;
        }
        List<String> rest = List.of(Arrays.copyOfRange(args, 1, args.length));
        try {
            return COMMANDS.get(args[0]).run(rest, in, out, err);
        } catch (RuntimeException e) {
            // a bug, not bad input: say so on standard error, with the trace a bug report needs
            err.println(args[0] + ": internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        }
    }

    private static void usage(PrintStream err) {
        err.println("usage: java -jar automation.jar COMMAND [ARGS]");
        err.println("commands:");
        COMMANDS.forEach((name, command) -> err.printf("  %-24s %s%n", name + " " + command.arguments(),
                command.summary()));
    }
}
