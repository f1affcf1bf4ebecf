package io.memberautomation.core.definition;

import io.memberautomation.core.model.WireName;

import java.util.Optional;

/**
 * What is wrong with a definition, as a stable machine-readable code. The wire name ({@link #wireName()},
 * the constant in snake_case) is public API: hosts and builder UIs match on it, so a code is never renamed
 * once released; new codes may be added.
 */
public enum ProblemCode {
    /** The text is not JSON; the message gives line and column. */
    MALFORMED_JSON,
    /** The document is longer than {@link DefinitionLimits#maxDocumentChars()}. */
    DOCUMENT_TOO_LARGE,
    /** Arrays and objects nest deeper than {@link DefinitionLimits#maxNestingDepth()}. */
    TOO_DEEP,
    /** More steps than {@link DefinitionLimits#maxSteps()}. */
    TOO_MANY_STEPS,
    /** A condition tree with more nodes than {@link DefinitionLimits#maxConditions()}. */
    TOO_MANY_CONDITIONS,
    /** A key the format does not allow at this place; the message lists the allowed ones. */
    UNKNOWN_KEY,
    /** A required key is absent. */
    MISSING_KEY,
    /** A value of the wrong JSON type (a number where a string is expected, ...). */
    INVALID_TYPE,
    /** A value of the right type that the format does not accept here. */
    INVALID_VALUE,
    /** JSON {@code null}, which the format never accepts: leave the key out instead. */
    NULL_NOT_ALLOWED,
    /** A string that is not one of the enumerated values; the message lists them. */
    INVALID_ENUM,
    /** An automation or step id that does not match {@code [A-Za-z0-9_.-]{1,64}}. */
    INVALID_ID,
    /** A step id used twice. */
    DUPLICATE_ID,
    /** A reference to a step id that does not exist. */
    UNKNOWN_STEP,
    /** A loop in the step graph with no delay step or wait action on it. */
    CYCLE_WITHOUT_DELAY,
    /** A step that cannot be reached from the entry step (a warning). */
    UNREACHABLE_STEP,
    /**
     * A warning found when an automation is saved beside the organization's others: its actions can raise
     * a trigger that enrolls it again, directly or through other automations. The causal-depth limit
     * stops such a cascade at run time; the warning says so before it happens.
     */
    TRIGGER_LOOP,
    /** Not an ISO-8601 duration, or a negative one where that is not allowed. */
    INVALID_DURATION,
    /** Not a local time {@code HH:mm}. */
    INVALID_TIME,
    /** Not a zone id (or {@code member} / {@code automation} where those are allowed). */
    INVALID_ZONE,
    /** Not a five-field Unix cron expression; the message names the field. */
    INVALID_CRON,
    /** A cron expression with a seconds field: schedules fire at most once a minute. */
    CRON_TOO_FREQUENT,
    /** A {@code matches} pattern that does not compile (RE2 syntax). */
    INVALID_REGEX,
    /** Not a field path ({@code member.*}, {@code previous.*}, ...), or one of the wrong root here. */
    INVALID_FIELD_PATH,
    /** A condition value that does not fit its operator. */
    OPERATOR_VALUE_MISMATCH,
    /** An action type that is neither built in nor registered. */
    UNKNOWN_ACTION_TYPE,
    /** A required action param is absent. */
    MISSING_PARAM,
    /** An action param with a wrong type or value. */
    INVALID_PARAM;

    /** The stable snake_case name written in reports, such as {@code unknown_step}. */
    public String wireName() {
        return WireName.of(this);
    }

    /** The code with this wire name, if any. */
    public static Optional<ProblemCode> fromWireName(String wireName) {
        return WireName.parse(ProblemCode.class, wireName);
    }
}
