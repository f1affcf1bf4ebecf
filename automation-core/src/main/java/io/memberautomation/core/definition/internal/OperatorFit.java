package io.memberautomation.core.definition.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.WireName;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Whether a condition value fits its operator: evaluation treats a mismatch as false, so the only place
 * an author learns of {@code gt "abc"} or a broken regular expression is here.
 */
final class OperatorFit {
    private OperatorFit() {}

    private static final String RELATIVE_OPERATORS = "eq, neq, gt, gte, lt, lte and between";

    /** Checks the value of a binary operator; {@code at} is the value's path. */
    static void check(Operator op, Operand value, JsonPath at, Problems problems) {
        String name = WireName.of(op);
        switch (op) {
            case EQ, NEQ -> single(name, value, at, problems, true);
            case GT, GTE, LT, LTE -> ordered(name, value, at, problems);
            case BETWEEN -> between(value, at, problems);
            case IN, NOT_IN -> {
                List<Operand> elements = list(value);
                if (elements == null) {
                    mismatch(at, problems, name + " needs an array of values");
                } else {
                    for (int i = 0; i < elements.size(); i++) {
                        single(name, elements.get(i), at.index(i), problems, false);
                    }
                }
            }
            case CONTAINS, NOT_CONTAINS, CHANGED_TO -> single(name, value, at, problems, false);
            case STARTS_WITH, ENDS_WITH, HAS_TAG -> {
                if (!(value instanceof Operand.FieldRef || literal(value) instanceof String)) {
                    mismatch(at, problems, name + " needs a string");
                }
            }
            case MATCHES -> regex(value, at, problems);
            default -> mismatch(at, problems, name + " takes no value");
        }
    }

    private static void single(String name, Operand value, JsonPath at, Problems problems, boolean relativeAllowed) {
        if (list(value) != null) {
            mismatch(at, problems, name + " takes a single value" + (name.equals("eq") || name.equals("neq")
                    ? "; use " + (name.equals("eq") ? "in" : "not_in") + " for a list" : ""));
        } else if (value instanceof Operand.Relative && !relativeAllowed) {
            mismatch(at, problems, "a relative date applies only to " + RELATIVE_OPERATORS + ", not " + name);
        }
    }

    private static void ordered(String name, Operand value, JsonPath at, Problems problems) {
        Object literal = literal(value);
        boolean fits = value instanceof Operand.FieldRef || value instanceof Operand.Relative
                || literal instanceof BigDecimal || (literal instanceof String text && isDate(text));
        if (!fits) {
            String seen = literal instanceof String text ? Values.quote(text) + " is neither"
                    : "got " + (literal instanceof List ? "an array" : "a boolean");
            mismatch(at, problems, name + " compares numbers and dates; " + seen);
        }
    }

    private static void between(Operand value, JsonPath at, Problems problems) {
        List<Operand> bounds = list(value);
        if (bounds == null || bounds.size() != 2) {
            mismatch(at, problems, "between needs an array of two values [low, high]");
            return;
        }
        int before = problems.errorCount();
        ordered("between", bounds.get(0), at.index(0), problems);
        ordered("between", bounds.get(1), at.index(1), problems);
        if (problems.errorCount() == before && literal(bounds.get(0)) instanceof BigDecimal low
                && literal(bounds.get(1)) instanceof BigDecimal high && low.compareTo(high) > 0) {
            mismatch(at, problems, "between [low, high]: low " + low + " is above high " + high);
        }
    }

    private static void regex(Operand value, JsonPath at, Problems problems) {
        if (!(literal(value) instanceof String pattern)) {
            mismatch(at, problems, "matches needs a regular expression string");
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.error(at, ProblemCode.INVALID_REGEX, e.getMessage());
        }
    }

    private static Object literal(Operand value) {
        return value instanceof Operand.Literal literal ? literal.value() : value;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable List<Operand> list(Operand value) {
        return literal(value) instanceof List<?> list ? (List<Operand>) list : null;
    }

    private static void mismatch(JsonPath at, Problems problems, String message) {
        problems.error(at, ProblemCode.OPERATOR_VALUE_MISMATCH, message);
    }

    /** ISO-8601 dates and instants are ordered values, as the evaluator compares them. */
    static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notADate) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notAnInstant) {
                try {
                    LocalDateTime.parse(text);
                    return true;
                } catch (DateTimeParseException notALocalDateTime) {
                    return false;
                }
            }
        }
    }
}
