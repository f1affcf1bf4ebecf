package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.ValidationProblem;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation run, in the order they are found. Not thread-safe. */
public final class Problems {

    private final List<ValidationProblem> problems = new ArrayList<>();
    private int errors;

    public void error(JsonPath at, ProblemCode code, String message) {
        problems.add(ValidationProblem.error(at.toString(), code, message));
        errors++;
    }

    public void warning(JsonPath at, ProblemCode code, String message) {
        problems.add(ValidationProblem.warning(at.toString(), code, message));
    }

    /** Errors so far: readers compare it before and after a part to know whether the part was clean. */
    public int errorCount() {
        return errors;
    }

    public List<ValidationProblem> all() {
        return List.copyOf(problems);
    }

    /** A mark for {@link #since(int)}. */
    int mark() {
        return problems.size();
    }

    /** The problems reported after {@code mark} was taken. */
    List<ValidationProblem> since(int mark) {
        return List.copyOf(problems.subList(mark, problems.size()));
    }
}
