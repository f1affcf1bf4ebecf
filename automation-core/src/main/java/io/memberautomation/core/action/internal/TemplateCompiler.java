package io.memberautomation.core.action.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.memberautomation.core.action.TemplateRenderException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles and runs JMustache templates, turning every parser complaint into a
 * {@link TemplateRenderException} with a line and a snippet. JMustache itself renders an unclosed
 * {@code {{tag} as literal text and fails on an empty tag with an index error, so those are checked here first.
 */
public final class TemplateCompiler {

    /** defaultValue(""): a missing or null value at any depth renders empty instead of throwing. */
    public static final Mustache.Compiler PLAIN =
            Mustache.compiler().defaultValue("").emptyStringIsFalse(true).escapeHTML(false);
    public static final Mustache.Compiler HTML =
            Mustache.compiler().defaultValue("").emptyStringIsFalse(true).escapeHTML(true);

    private static final String OPEN = "{{";
    private static final Pattern JMUSTACHE_LINE = Pattern.compile("@ line (\\d+)");
    private static final int SNIPPET_BEFORE = 20;
    private static final int SNIPPET_AFTER = 40;

    private TemplateCompiler() {}

    /** Whether the text has anything to render; text without {@code {{} is returned as it is. */
    public static boolean hasTags(String text) {
        return text.contains(OPEN);
    }

    public static Template compile(String template, Mustache.Compiler compiler) {
        checkTags(template);
        try {
            return compiler.compile(template);
        } catch (RuntimeException e) {
            throw fromJMustache(template, e);
        }
    }

    public static String execute(String template, Template compiled, Map<String, Object> context) {
        try {
            return compiled.execute(context);
        } catch (MustacheException e) {
            throw fromJMustache(template, e);
        }
    }

    /** Finds unclosed, empty and partial tags while the default delimiters are in force. */
    private static void checkTags(String template) {
        int from = 0;
        while (true) {
            int open = template.indexOf(OPEN, from);
            if (open < 0) {
                return;
            }
            boolean triple = template.startsWith("{{{", open);
            String close = triple ? "}}}" : "}}";
            int contentStart = open + (triple ? 3 : 2);
            int end = template.indexOf(close, contentStart);
            int nextOpen = template.indexOf(OPEN, contentStart);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                throw at(template, open, "unclosed tag (no matching \"" + close + "\")");
            }
            String content = template.substring(contentStart, end).strip();
            if (content.startsWith("=")) {
                // A delimiter change: from here on JMustache's own parser judges the template.
                return;
            }
            if (content.isEmpty()) {
                throw at(template, open, "empty tag");
            }
            if (content.startsWith(">")) {
                throw at(template, open, "partials (\"{{>\") are not supported");
            }
            from = end + close.length();
        }
    }

    private static TemplateRenderException at(String template, int position, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (template.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = position - lineStart + 1;
        return new TemplateRenderException(problem + " at column " + column, snippet(template, position), line);
    }

    private static TemplateRenderException fromJMustache(String template, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher matcher = JMUSTACHE_LINE.matcher(message);
        int line = matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
        String problem = matcher.reset().replaceAll("").strip();
        return new TemplateRenderException(problem.isEmpty() ? e.getClass().getSimpleName() : problem,
                snippet(template, lineStart(template, line)), line, e);
    }

    private static int lineStart(String template, int line) {
        int position = 0;
        for (int current = 1; current < line; current++) {
            int newline = template.indexOf('\n', position);
            if (newline < 0) {
                return position;
            }
            position = newline + 1;
        }
        return position;
    }

    private static String snippet(String template, int position) {
        int start = Math.max(0, position - SNIPPET_BEFORE);
        int end = Math.min(template.length(), position + SNIPPET_AFTER);
        return (start > 0 ? "..." : "") + template.substring(start, end).replace("\n", "\\n")
                + (end < template.length() ? "..." : "");
    }
}
