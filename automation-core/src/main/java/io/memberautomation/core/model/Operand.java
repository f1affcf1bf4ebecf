package io.memberautomation.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The right-hand side of a condition: a JSON literal, another field, or a date relative to now. */
public sealed interface Operand {

    /**
     * A JSON literal: {@link String}, {@link BigDecimal} (every JSON number), {@link Boolean}, or an
     * immutable {@link List} of operands (for {@code in}, {@code not_in} and {@code between}).
     */
    record Literal(Object value) implements Operand {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (!(element instanceof Operand)) {
                        throw new IllegalArgumentException("list literal elements must be operands: " + element);
                    }
                }
                value = List.copyOf(list);
            } else if (!(value instanceof String || value instanceof BigDecimal || value instanceof Boolean)) {
                throw new IllegalArgumentException("unsupported literal type: " + value.getClass().getName());
            }
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        public static Literal of(long value) {
            return new Literal(BigDecimal.valueOf(value));
        }

        public static Literal of(boolean value) {
            return new Literal(value);
        }

        public static Literal list(Operand... elements) {
            return new Literal(List.of(elements));
        }
    }

    /** The value of another field: {@code { "field": "member.renewal_date" }}. */
    record FieldRef(FieldPath path) implements Operand {
        public FieldRef {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A date relative to now: {@code { "relative": "P7D" }}. Against a date-only field it is today
     * (in the evaluation timezone) plus the duration; against a timestamp, now plus the duration.
     */
    record Relative(IsoDuration offset) implements Operand {
        public Relative {
            Objects.requireNonNull(offset, "offset");
        }
    }
}
