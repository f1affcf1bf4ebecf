package io.memberautomation.core.definition;

import io.memberautomation.core.model.Automation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything validation found in one definition, errors and warnings together, and the automation when
 * there is no error. A report never holds an automation next to an error: nothing is half-accepted.
 *
 * @param problems   every problem, in document order, then the whole-graph checks
 * @param automation the automation, present exactly when there is no error
 */
public record ValidationReport(List<ValidationProblem> problems, Optional<Automation> automation) {

    public ValidationReport {
        problems = List.copyOf(problems);
        Objects.requireNonNull(automation, "automation");
        boolean hasErrors = problems.stream().anyMatch(ValidationProblem::isError);
        if (hasErrors == automation.isPresent()) {
            throw new IllegalArgumentException("a report carries an automation exactly when it has no error");
        }
    }

    /** The problems that make the definition invalid. */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(ValidationProblem::isError).toList();
    }

    /** The problems that do not block the definition. */
    public List<ValidationProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** True when there is no error (warnings allowed). */
    public boolean isValid() {
        return automation.isPresent();
    }
}
