package io.memberautomation.core.condition;

import io.memberautomation.core.model.ConditionGroup;
import java.util.Objects;

/** Compiles condition groups. Compile once per automation version and share the result across threads. */
public final class Conditions {
    private Conditions() {}

    /**
     * Compiles a condition group: every operator gets its own evaluation strategy, every literal its
     * precomputed forms (number, date, instant, case folding, hash set, RE2J pattern), every path its keys.
     *
     * @throws ConditionCompileException naming the field and operator when a regular expression is invalid or
     *                                   an operator is given a value it cannot use
     */
    public static CompiledCondition compile(ConditionGroup group) {
        Objects.requireNonNull(group, "group");
        return NodeCompiler.group(group);
    }
}
