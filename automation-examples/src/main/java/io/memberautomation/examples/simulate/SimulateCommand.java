package io.memberautomation.examples.simulate;

import io.memberautomation.examples.Command;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code simulate FILE|-}: runs a scenario and prints the result as JSON on standard output. An invalid or
 * unreadable scenario prints every problem, with its JSON path, on standard error, nothing on standard
 * output, and exits with code 2. Warnings go to standard error and do not change the exit code.
 */
public final class SimulateCommand implements Command {
    static final int INVALID = 2;

    private final Simulator simulator = new Simulator();

    @Override
    public String arguments() {
        return "FILE|-";
    }

    @Override
    public String summary() {
        return "run a scenario on a virtual clock and print what happened as JSON (- reads standard input)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: simulate FILE|-   (one scenario file, or - for standard input)");
            return INVALID;
        }
        String source = args.get(0);
        SimulationResult result;
        try {
            byte[] scenario = source.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(source));
            result = simulator.run(new ByteArrayInputStream(scenario));
        } catch (IOException | InvalidPathException e) {
            err.println("simulate: cannot read " + source + ": " + reason(e));
            return INVALID;
        } catch (InvalidScenarioException e) {
            List<ScenarioProblem> problems = e.problems();
            err.println("simulate: " + source + " is not a valid scenario (" + problems.size()
                    + (problems.size() == 1 ? " problem):" : " problems):"));
            problems.forEach(problem -> err.println("  " + problem));
            return INVALID;
        }
        result.warnings().forEach(warning -> err.println("simulate: warning: " + warning));
        out.print(result.toJson());
        out.flush();
        return 0;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
