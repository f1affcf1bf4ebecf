package io.memberautomation.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the examples jar. It reads only the streams it is given, so a test can run it in-process
 * and capture both outputs.
 */
public interface Command {

    /** The usage line after the command name, such as {@code FILE|-}. */
    String arguments();

    /** One line saying what the command does, for the usage text. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @return the process exit code: 0 on success, 2 for bad input
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
