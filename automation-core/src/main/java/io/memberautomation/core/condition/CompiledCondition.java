package io.memberautomation.core.condition;

/**
 * A condition group compiled once by {@link Conditions#compile}. Immutable and safe to share between threads;
 * evaluation never throws for bad data (a missing field or a type mismatch makes a leaf false).
 */
public interface CompiledCondition {

    /** Evaluates the condition: AND and OR short-circuit, then the group's {@code negate} applies. */
    boolean test(EvaluationContext ctx);

    /**
     * Evaluates the condition and records why: a tree mirroring the condition, with the value each leaf saw.
     * {@code explain(ctx).result() == test(ctx)} always holds. Slower than {@link #test}; meant for step logs.
     */
    Explanation explain(EvaluationContext ctx);
}
