/**
 * The condition compiler and evaluator. {@link io.memberautomation.core.condition.Conditions#compile} turns a
 * {@link io.memberautomation.core.model.ConditionGroup} into a {@link io.memberautomation.core.condition.CompiledCondition}
 * once (per automation version); evaluating it against an {@link io.memberautomation.core.condition.EvaluationContext}
 * then does no parsing of the definition, no reflection and no dispatch on operator names, and can explain
 * itself leaf by leaf for the step log.
 *
 * <h2>Values</h2>
 * Field values may be {@link java.lang.String}, {@link java.lang.Integer}, {@link java.lang.Long},
 * {@link java.lang.Short}, {@link java.lang.Byte}, {@link java.math.BigInteger}, {@link java.lang.Double},
 * {@link java.lang.Float}, {@link java.math.BigDecimal}, {@link java.lang.Boolean}, {@link java.time.LocalDate},
 * {@link java.time.Instant}, {@link java.time.OffsetDateTime}, {@link java.time.ZonedDateTime},
 * {@link java.time.LocalDateTime} (read in the context's zone), {@link java.util.Collection} and {@link java.util.Map}.
 * An absent key and a {@code null} value both mean <em>missing</em>. Any other type is a type mismatch.
 *
 * <h2>Comparing two values</h2>
 * <ul>
 *   <li>Numbers compare as numbers whatever their form: {@code 1 == 1L == 1.0 == new BigDecimal("1.00")}.
 *       Doubles and floats are read as {@code BigDecimal.valueOf(double)}; NaN and infinities are a type mismatch.
 *       A string compares numerically against a number when it parses as {@code new BigDecimal(text)}.</li>
 *   <li>Two strings compare as strings ({@link java.lang.String#compareTo}), even when both look like numbers
 *       or dates. With {@code ignoreCase} both sides are folded with {@code toLowerCase(Locale.ROOT)}.</li>
 *   <li>Booleans compare with booleans only ({@code false < true}).</li>
 *   <li>Dates and instants compare with each other, and with ISO-8601 strings: {@code 2026-01-20} reads as a date,
 *       {@code 2026-01-20T10:00:00Z} or {@code ...+02:00} as an instant. A date against an instant compares the
 *       instant's local date in the context zone.</li>
 *   <li>Anything else (a number against a date, a list against a string, ...) is a type mismatch.</li>
 * </ul>
 *
 * <h2>Missing values and type mismatches</h2>
 * A missing field makes every operator false except {@code is_not_set} and {@code is_empty} (and {@code changed}
 * when the previous value was present); {@code neq}, {@code not_in} and {@code not_contains} are false on a
 * missing field too. A type mismatch makes the leaf false; evaluation never throws.
 */
@NullMarked
package io.memberautomation.core.condition;

import org.jspecify.annotations.NullMarked;
