package io.memberautomation.core.definition;

import io.memberautomation.spi.AutomationException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link AutomationDefinitions#read(String)} for a definition with at least one error. The
 * message lists every error, one per line, in {@link ValidationProblem#toString()} form.
 */
public class InvalidDefinitionException extends AutomationException {

    private final List<ValidationProblem> problems;

    /** @param problems every problem found (warnings included), at least one of them an error */
    public InvalidDefinitionException(List<ValidationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ValidationProblem> problems) {
        List<ValidationProblem> errors = problems.stream().filter(ValidationProblem::isError).toList();
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid definition has at least one error");
        }
        return errors.stream().map(ValidationProblem::toString).collect(Collectors.joining("\n"));
    }

    /** Every problem found, errors and warnings. */
    public List<ValidationProblem> problems() {
        return problems;
    }

    /** The problems that made the definition invalid. */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(ValidationProblem::isError).toList();
    }
}
