package io.memberautomation.core.action;

import io.memberautomation.spi.AutomationException;

/**
 * A template could not be compiled or rendered: an unclosed tag, a section closed with the wrong name,
 * an empty tag, a partial ({@code {{> name}}}, which the engine does not load). Missing values are never
 * an error; they render as empty text.
 */
public class TemplateRenderException extends AutomationException {
    private final String snippet;
    private final int line;

    /**
     * @param problem what is wrong, for a person
     * @param snippet the part of the template around the problem
     * @param line    the 1-based line of the problem
     */
    public TemplateRenderException(String problem, String snippet, int line) {
        super(message(problem, snippet, line));
        this.snippet = snippet;
        this.line = line;
    }

    /** As {@link #TemplateRenderException(String, String, int)}, keeping the template parser's own exception. */
    public TemplateRenderException(String problem, String snippet, int line, Throwable cause) {
        super(message(problem, snippet, line), cause);
        this.snippet = snippet;
        this.line = line;
    }

    private static String message(String problem, String snippet, int line) {
        return "malformed template at line " + line + ": " + problem + " in \"" + snippet + "\"";
    }

    /** The part of the template around the problem, at most about 60 characters. */
    public String snippet() {
        return snippet;
    }

    /** The 1-based line of the template where the problem is. */
    public int line() {
        return line;
    }
}
