package io.memberautomation.benchmarks;

import io.memberautomation.core.condition.CompiledCondition;
import io.memberautomation.core.condition.Conditions;
import io.memberautomation.core.condition.EvaluationContext;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The renewal-reminder predicate {@code status == "active" AND (tier in ["gold","platinum"] OR lifetime_value > 500)
 * AND renewal_date within the next 7 days}, evaluated by the compiled condition and by a hand-written lambda over
 * the same member maps (the floor). Both see the same members, chosen round-robin per invocation from a small
 * array so that the JIT cannot fold the answer: one that matches, one that fails at the first leaf, one that fails
 * at the last leaf, one that matches through the second OR branch. Both have {@code today} precomputed: the
 * lambda in a field, the compiled condition in its evaluation context.
 *
 * <p>{@code compiled} is measured in a JVM where this is the only condition, so the JIT sees one node class per
 * call site and inlines the whole tree. {@code compiledAmongManyShapes} measures the same predicate after a few
 * hundred thousand evaluations of differently shaped conditions (every operator, every group size), as in a host
 * with many automations: the call sites are then megamorphic. JMH runs each benchmark method in its own fork, so
 * the two do not disturb each other. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ConditionBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ConditionBenchmark {
    private static final Instant NOW = Instant.parse("2026-01-20T10:00:00Z");
    /** Members are picked with {@code index & MASK}: the array length is a power of two. */
    private static final int MASK = 3;

    private CompiledCondition compiled;
    private EvaluationContext[] contexts;
    private Predicate<Map<?, ?>> handWritten;
    private Map<?, ?>[] members;
    private int next;

    @Setup
    public void setUp() {
        compiled = Conditions.compile(ConditionGroup.and(
                Condition.of("member.status", Operator.EQ, Operand.Literal.of("active")),
                ConditionGroup.or(
                        Condition.of("member.tier", Operator.IN,
                                Operand.Literal.list(Operand.Literal.of("gold"), Operand.Literal.of("platinum"))),
                        Condition.of("member.lifetime_value", Operator.GT, Operand.Literal.of(500))),
                Condition.of("member.renewal_date", Operator.BETWEEN, Operand.Literal.list(
                        new Operand.Relative(IsoDuration.parse("P0D")), new Operand.Relative(IsoDuration.parse("P7D"))))));

        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        List<Map<String, Object>> sample = List.of(
                member("active", "gold", 120, today.plusDays(3)),
                member("lapsed", "gold", 900, today.plusDays(3)),
                member("active", "platinum", 900, today.plusDays(30)),
                member("active", "silver", 640, today.plusDays(7)));
        members = sample.toArray(new Map<?, ?>[0]);
        contexts = new EvaluationContext[sample.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = EvaluationContext.builder().member(sample.get(i)).now(NOW).zone(ZoneOffset.UTC).build();
        }

        LocalDate lastDay = today.plusDays(7);
        handWritten = m -> "active".equals(m.get("status"))
                && (isGoldOrPlatinum(m.get("tier")) || (m.get("lifetime_value") instanceof Integer v && v > 500))
                && m.get("renewal_date") instanceof LocalDate d && !d.isBefore(today) && !d.isAfter(lastDay);

        for (int i = 0; i < contexts.length; i++) {
            if (compiled.test(contexts[i]) != handWritten.test(members[i])) {
                throw new IllegalStateException("the two predicates disagree on member " + i);
            }
        }
    }

    private static boolean isGoldOrPlatinum(Object tier) {
        return "gold".equals(tier) || "platinum".equals(tier);
    }

    private static Map<String, Object> member(String status, String tier, int lifetimeValue, LocalDate renewal) {
        Map<String, Object> member = new HashMap<>();
        member.put("status", status);
        member.put("tier", tier);
        member.put("lifetime_value", lifetimeValue);
        member.put("renewal_date", renewal);
        member.put("email", status + "." + tier + "@example.org");
        return member;
    }

    /** Trains the JIT's type profiles with many condition shapes before the measurement starts. */
    @State(Scope.Thread)
    public static class ManyShapes {
        /** How many training evaluations were true; kept so that the training cannot be optimised away. */
        public int trueCount;

        @Setup
        public void evaluateManyShapes(ConditionBenchmark benchmark) {
            for (CompiledCondition other : ConditionShapes.compileAll()) {
                for (int round = 0; round < 5_000; round++) {
                    for (EvaluationContext context : benchmark.contexts) {
                        trueCount += other.test(context) ? 1 : 0;
                    }
                }
            }
        }
    }

    @Benchmark
    public boolean compiledAmongManyShapes(ManyShapes trained) {
        return compiled.test(contexts[next++ & MASK]);
    }

    @Benchmark
    public boolean compiled() {
        return compiled.test(contexts[next++ & MASK]);
    }

    @Benchmark
    public boolean handWritten() {
        return handWritten.test(members[next++ & MASK]);
    }
}
