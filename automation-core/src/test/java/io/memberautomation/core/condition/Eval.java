package io.memberautomation.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test shorthand: one leaf on {@code member.x}, evaluated at a fixed instant and zone. Every evaluation also
 * checks that the explanation agrees with the test, so each table row checks both.
 */
final class Eval {
    /** A field value that means "the key is absent", distinct from a null value. */
    enum Absent { ABSENT }

    static final Absent ABSENT = Absent.ABSENT;
    static final Instant NOW = Instant.parse("2026-01-20T10:00:00Z");

    private final Instant now;
    private final ZoneId zone;

    private Eval(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    static Eval utc() {
        return new Eval(NOW, ZoneOffset.UTC);
    }

    static Eval at(String now, String zone) {
        return new Eval(Instant.parse(now), ZoneId.of(zone));
    }

    boolean leaf(Object value, Operator op, Object operand) {
        return leaf(value, op, operand, false);
    }

    boolean leaf(Object value, Operator op, Object operand, boolean ignoreCase) {
        Condition condition = new Condition(FieldPath.parse("member.x"), op, Optional.of(operand(operand)), ignoreCase);
        return test(ConditionGroup.and(condition), context(fields("x", value)).build());
    }

    boolean unary(Object value, Operator op) {
        return test(ConditionGroup.and(Condition.of("member.x", op)), context(fields("x", value)).build());
    }

    EvaluationContext.Builder context(Map<String, ?> member) {
        return EvaluationContext.builder().member(member).now(now).zone(zone);
    }

    static boolean test(ConditionGroup group, EvaluationContext ctx) {
        CompiledCondition compiled = Conditions.compile(group);
        boolean result = compiled.test(ctx);
        assertThat(compiled.explain(ctx).result()).as("explanation agrees with test").isEqualTo(result);
        return result;
    }

    /** A map from alternating keys and values; null values are kept, {@link #ABSENT} values left out. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != ABSENT) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** An operand from a plain Java value: operands as they are, numbers as BigDecimal, lists element-wise. */
    static Operand operand(Object value) {
        if (value instanceof Operand operand) {
            return operand;
        }
        if (value instanceof Number number) {
            return new Operand.Literal(number instanceof BigDecimal d ? d : new BigDecimal(number.toString()));
        }
        if (value instanceof List<?> list) {
            List<Operand> elements = new ArrayList<>();
            for (Object element : list) {
                elements.add(operand(element));
            }
            return new Operand.Literal(elements);
        }
        return new Operand.Literal(value);
    }

    static Operand relative(String duration) {
        return new Operand.Relative(IsoDuration.parse(duration));
    }

    static Operand field(String path) {
        return new Operand.FieldRef(FieldPath.parse(path));
    }
}
