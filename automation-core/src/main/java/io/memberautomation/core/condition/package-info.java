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
 * <h2>Operands</h2>
 * A literal; {@code {field: path}}, the value of another field (missing makes the leaf false); or
 * {@code {relative: D}}: against a date (or a date-only string) it is {@code today + D}, added in calendar terms
 * ({@code 2028-02-29 + P1Y = 2029-02-28}, {@code Jan 31 + P1M = Feb 28/29}), so {@code renewal_date eq
 * {relative: P7D}} means "renews in 7 days"; against a timestamp (or an instant string) it is {@code now + D} in
 * the context zone, so {@code P1D} across a DST change is one local day (23 or 25 hours), {@code PT24H} 24 hours.
 *
 * <h2>Operators</h2>
 * <ul>
 *   <li>{@code eq}, {@code neq}, {@code gt}, {@code gte}, {@code lt}, {@code lte}: by the comparison rules above;
 *       {@code neq} is false on a mismatch like the others.</li>
 *   <li>{@code between [low, high]}: {@code low <= value <= high}, both inclusive; each bound a literal, a field or
 *       a relative date.</li>
 *   <li>{@code in}, {@code not_in}: a scalar field equal to any element of the list (or of the collection another
 *       field holds); {@code not_in} is a present scalar equal to none. An element of another type is simply not
 *       equal. A list or map field is a type mismatch for both.</li>
 *   <li>{@code contains}, {@code not_contains}: a substring of a string field (the operand must be a string), or an
 *       element of a collection field equal to the operand. Other field types are a type mismatch.</li>
 *   <li>{@code starts_with}, {@code ends_with}: a string field and a string operand.</li>
 *   <li>{@code matches}: an RE2J regular expression searched in a string field ({@code find()}: anchor with
 *       {@code ^...$} to match the whole string), in time linear in the input.</li>
 *   <li>{@code is_set}: present; {@code is_not_set}: missing; {@code is_empty}: missing, {@code ""}, an empty
 *       collection or map; {@code is_not_empty}: present and not empty.</li>
 *   <li>{@code has_tag}: the field (the format's default is {@code member.tags}) is a collection with a string
 *       element equal to the tag.</li>
 *   <li>{@code changed}: a {@code member.*} field differs from the same {@code previous.*} field; missing on one
 *       side and present on the other is a change; values the rules cannot compare (lists, maps) are compared with
 *       {@code equals}. False without a previous context. {@code changed_to}: changed, and now {@code eq} the
 *       value.</li>
 * </ul>
 * {@code ignoreCase} folds both sides with {@code toLowerCase(Locale.ROOT)} for the string operators
 * ({@code matches} compiles the pattern case-insensitive instead); the {@code changed} half of {@code changed_to}
 * is always exact.
 *
 * <h2>Groups</h2>
 * AND (empty: true) and OR (empty: false) short-circuit, then {@code negate} inverts the group.
 *
 * <h2>Missing values and type mismatches</h2>
 * A missing field makes every operator false except {@code is_not_set} and {@code is_empty} (and {@code changed}
 * when the previous value was present); {@code neq}, {@code not_in} and {@code not_contains} are false on a
 * missing field too. A type mismatch makes the leaf false; evaluation never throws.
 */
@NullMarked
package io.memberautomation.core.condition;

import org.jspecify.annotations.NullMarked;
