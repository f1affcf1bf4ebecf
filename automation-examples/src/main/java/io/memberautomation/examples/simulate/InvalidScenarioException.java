package io.memberautomation.examples.simulate;

import io.memberautomation.spi.AutomationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be simulated: not readable, not valid, or refused by the engine at a timeline
 * entry. Lists every problem found, each with its JSON path; the message has one problem per line.
 */
public class InvalidScenarioException extends AutomationException {
    private final List<ScenarioProblem> problems;

    /** @param problems at least one problem */
    public InvalidScenarioException(List<ScenarioProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario has at least one problem");
        }
        return problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n"));
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
