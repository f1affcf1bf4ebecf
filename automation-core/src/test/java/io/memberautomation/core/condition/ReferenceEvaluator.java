package io.memberautomation.core.condition;

import com.google.re2j.Pattern;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.Operand;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately naive evaluator of the model, written from the semantics in the package documentation and
 * sharing no code with the compiled one: a recursive switch over the model, BigDecimal for every number, every
 * string parsed when it is met. The property test checks that the compiled evaluator agrees with it.
 */
final class ReferenceEvaluator {

    /** The raw inputs of an evaluation; {@code previous} is null when there is no previous context. */
    record World(Map<String, Object> member, @Nullable Map<String, Object> previous, Map<String, Object> event,
                 Map<String, Object> organization, Map<String, Object> steps, Instant now, ZoneId zone) {

        EvaluationContext toContext() {
            EvaluationContext.Builder builder = EvaluationContext.builder().member(member).event(event)
                    .organization(organization).now(now).zone(zone);
            if (previous != null) {
                builder.previous(previous);
            }
            steps.forEach(builder::stepOutput);
            return builder.build();
        }
    }

    /** Marks an operand that cannot be resolved against the value (a relative date against a non-date). */
    private static final Object UNRESOLVABLE = new Object();

    private final World world;
    private final LocalDate today;

    ReferenceEvaluator(World world) {
        this.world = world;
        this.today = world.now().atZone(world.zone()).toLocalDate();
    }

    boolean evaluate(ConditionNode node) {
        if (node instanceof ConditionGroup group) {
            boolean result = group.operator() == GroupOperator.AND;
            for (ConditionNode child : group.conditions()) {
                boolean value = evaluate(child);
                result = group.operator() == GroupOperator.AND ? result && value : result || value;
            }
            return result != group.negate();
        }
        return leaf((Condition) node);
    }

    private boolean leaf(Condition c) {
        Object v = read(c.field());
        Operand operand = c.value().orElse(null);
        boolean ic = c.ignoreCase();
        switch (c.op()) {
            case EQ: return v != null && eq(v, operand, ic);
            case NEQ: return v != null && cmp(v, operand, ic) != null && cmp(v, operand, ic) != 0;
            case GT: return v != null && cmp(v, operand, false) != null && cmp(v, operand, false) > 0;
            case GTE: return v != null && cmp(v, operand, false) != null && cmp(v, operand, false) >= 0;
            case LT: return v != null && cmp(v, operand, false) != null && cmp(v, operand, false) < 0;
            case LTE: return v != null && cmp(v, operand, false) != null && cmp(v, operand, false) <= 0;
            case BETWEEN: {
                if (v == null) {
                    return false;
                }
                List<?> bounds = (List<?>) ((Operand.Literal) operand).value();
                Integer low = cmp(v, (Operand) bounds.get(0), false);
                Integer high = cmp(v, (Operand) bounds.get(1), false);
                return low != null && high != null && low >= 0 && high <= 0;
            }
            case IN: return isScalar(v) && inList(v, operand, ic) == Boolean.TRUE;
            case NOT_IN: return isScalar(v) && inList(v, operand, ic) == Boolean.FALSE;
            case CONTAINS: return Boolean.TRUE.equals(contains(v, operand, ic));
            case NOT_CONTAINS: return Boolean.FALSE.equals(contains(v, operand, ic));
            case STARTS_WITH: {
                Object affix = resolve(operand, v);
                return v instanceof String s && affix instanceof String a && fold(s, ic).startsWith(fold(a, ic));
            }
            case ENDS_WITH: {
                Object affix = resolve(operand, v);
                return v instanceof String s && affix instanceof String a && fold(s, ic).endsWith(fold(a, ic));
            }
            case MATCHES: {
                String regex = (String) ((Operand.Literal) operand).value();
                return v instanceof String s
                        && Pattern.compile(regex, ic ? Pattern.CASE_INSENSITIVE : 0).matcher(s).find();
            }
            case IS_SET: return v != null;
            case IS_NOT_SET: return v == null;
            case IS_EMPTY: return v == null || isEmpty(v);
            case IS_NOT_EMPTY: return v != null && !isEmpty(v);
            case HAS_TAG: {
                Object tag = resolve(operand, v);
                if (!(v instanceof Collection<?> tags) || !(tag instanceof String t)) {
                    return false;
                }
                for (Object element : tags) {
                    if (element instanceof String s && fold(s, ic).equals(fold(t, ic))) {
                        return true;
                    }
                }
                return false;
            }
            case CHANGED: return changed(c, v);
            case CHANGED_TO: return v != null && changed(c, v) && eq(v, operand, ic);
            default: throw new IllegalStateException("unknown operator " + c.op());
        }
    }

    private boolean changed(Condition c, @Nullable Object v) {
        if (world.previous() == null) {
            return false;
        }
        Object before = read(new FieldPath(FieldPath.Root.PREVIOUS, c.field().keys()));
        if (before == null || v == null) {
            return before != v;
        }
        Integer order = compareValues(before, v, false);
        boolean same = order != null ? order == 0 : before.equals(v);
        return !same;
    }

    /** True when some element equals the value, false when none does, null when the list cannot be read. */
    private @Nullable Boolean inList(Object v, Operand operand, boolean ic) {
        List<Object> elements = new ArrayList<>();
        if (operand instanceof Operand.FieldRef ref) {
            Object list = read(ref.path());
            if (!(list instanceof Collection<?> collection)) {
                return null;
            }
            for (Object element : collection) {
                if (element != null) {
                    elements.add(element);
                }
            }
        } else {
            for (Object element : (List<?>) ((Operand.Literal) operand).value()) {
                Object resolved = resolve((Operand) element, v);
                if (resolved != null && resolved != UNRESOLVABLE) {
                    elements.add(resolved);
                }
            }
        }
        for (Object element : elements) {
            Integer order = compareValues(v, element, ic);
            if (order != null && order == 0) {
                return true;
            }
        }
        return false;
    }

    /** True or false as contains answers; null when missing or of the wrong types. */
    private @Nullable Boolean contains(@Nullable Object v, Operand operand, boolean ic) {
        Object part = resolve(operand, v);
        if (v == null || part == null) {
            return null;
        }
        if (v instanceof String s) {
            return part instanceof String p ? fold(s, ic).contains(fold(p, ic)) : null;
        }
        if (v instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element != null) {
                    Integer order = compareValues(element, part, ic);
                    if (order != null && order == 0) {
                        return true;
                    }
                }
            }
            return false;
        }
        return null;
    }

    private boolean eq(Object v, Operand operand, boolean ic) {
        Integer order = cmp(v, operand, ic);
        return order != null && order == 0;
    }

    /** The value compared with the operand, or null when the operand is missing or the types do not compare. */
    private @Nullable Integer cmp(Object v, Operand operand, boolean ic) {
        Object other = resolve(operand, v);
        if (other == null || other == UNRESOLVABLE) {
            return null;
        }
        return compareValues(v, other, ic);
    }

    private @Nullable Object resolve(Operand operand, @Nullable Object v) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        if (operand instanceof Operand.FieldRef ref) {
            return read(ref.path());
        }
        Operand.Relative relative = (Operand.Relative) operand;
        Object seen = v == null ? null : temporal(v);
        if (seen instanceof LocalDate) {
            return relative.offset().addTo(today);
        }
        if (seen instanceof Instant) {
            return relative.offset().addTo(world.now().atZone(world.zone())).toInstant();
        }
        return UNRESOLVABLE;
    }

    private @Nullable Integer compareValues(Object a, Object b, boolean ic) {
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(fold(x, ic).compareTo(fold(y, ic)));
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a instanceof Boolean x && b instanceof Boolean y ? Boolean.compare(x, y) : null;
        }
        if (isNumber(a) || isNumber(b)) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        Object x = temporal(a);
        Object y = temporal(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof LocalDate || y instanceof LocalDate) {
            return Integer.signum(localDate(x).compareTo(localDate(y)));
        }
        return Integer.signum(((Instant) x).compareTo((Instant) y));
    }

    private LocalDate localDate(Object temporal) {
        return temporal instanceof LocalDate date ? date : ((Instant) temporal).atZone(world.zone()).toLocalDate();
    }

    private static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof BigInteger;
    }

    private static @Nullable BigDecimal decimal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new BigDecimal(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private @Nullable Object temporal(Object value) {
        if (value instanceof LocalDate || value instanceof Instant) {
            return value;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(world.zone()).toInstant();
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isScalar(@Nullable Object v) {
        return v != null && !(v instanceof Collection) && !(v instanceof Map);
    }

    private static boolean isEmpty(Object v) {
        return "".equals(v) || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static String fold(String s, boolean ic) {
        return ic ? s.toLowerCase(Locale.ROOT) : s;
    }

    private @Nullable Object read(FieldPath path) {
        Object current = switch (path.root()) {
            case MEMBER -> world.member();
            case PREVIOUS -> world.previous();
            case EVENT -> world.event();
            case ORGANIZATION -> world.organization();
            case STEPS -> world.steps();
        };
        List<String> keys = new ArrayList<>(path.keys());
        if (path.root() == FieldPath.Root.STEPS) {
            keys.remove(1);
        }
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
