package io.memberautomation.core.definition;

/**
 * Bounds on the size of a definition, so that a hostile or broken document costs bounded time and memory
 * and fails with a problem ({@code document_too_large}, {@code too_deep}, ...) rather than a
 * {@link StackOverflowError} or an out-of-memory error. Start from {@link #DEFAULT} and change what you need:
 * {@code DefinitionLimits.DEFAULT.withMaxSteps(100)}.
 *
 * @param maxDocumentChars longest accepted document, in characters (default 1,000,000)
 * @param maxNestingDepth  deepest nesting of JSON arrays and objects (default 64)
 * @param maxSteps         most steps in one automation (default 500)
 * @param maxConditions    most nodes (groups and leaves) in one condition tree (default 1,000)
 */
public record DefinitionLimits(int maxDocumentChars, int maxNestingDepth, int maxSteps, int maxConditions) {

    public static final int DEFAULT_MAX_DOCUMENT_CHARS = 1_000_000;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    public static final int DEFAULT_MAX_STEPS = 500;
    public static final int DEFAULT_MAX_CONDITIONS = 1_000;

    /** A document this small cannot hold an automation, so a lower limit is a configuration mistake. */
    private static final int MIN_DOCUMENT_CHARS = 64;
    /** The format itself nests this deep (automation, steps, step, action, params, value). */
    private static final int MIN_NESTING_DEPTH = 8;

    public static final DefinitionLimits DEFAULT = new DefinitionLimits(DEFAULT_MAX_DOCUMENT_CHARS,
            DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STEPS, DEFAULT_MAX_CONDITIONS);

    public DefinitionLimits {
        atLeast(maxDocumentChars, MIN_DOCUMENT_CHARS, "maxDocumentChars");
        atLeast(maxNestingDepth, MIN_NESTING_DEPTH, "maxNestingDepth");
        atLeast(maxSteps, 1, "maxSteps");
        atLeast(maxConditions, 1, "maxConditions");
    }

    private static void atLeast(int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
        }
    }

    public DefinitionLimits withMaxDocumentChars(int value) {
        return new DefinitionLimits(value, maxNestingDepth, maxSteps, maxConditions);
    }

    public DefinitionLimits withMaxNestingDepth(int value) {
        return new DefinitionLimits(maxDocumentChars, value, maxSteps, maxConditions);
    }

    public DefinitionLimits withMaxSteps(int value) {
        return new DefinitionLimits(maxDocumentChars, maxNestingDepth, value, maxConditions);
    }

    public DefinitionLimits withMaxConditions(int value) {
        return new DefinitionLimits(maxDocumentChars, maxNestingDepth, maxSteps, value);
    }
}
