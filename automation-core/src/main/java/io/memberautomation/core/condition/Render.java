package io.memberautomation.core.condition;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Short renderings of values for explanations: strings quoted, at most {@value #LIMIT} characters. */
final class Render {
    static final int LIMIT = 120;
    static final String MISSING = "<missing>";

    private Render() {}

    static String value(@Nullable Object value) {
        if (value == null) {
            return MISSING;
        }
        StringBuilder out = new StringBuilder();
        append(out, value);
        return truncate(out);
    }

    private static void append(StringBuilder out, @Nullable Object value) {
        if (out.length() > LIMIT) {
            return;
        }
        if (value instanceof String text) {
            out.append('"');
            // a long text is cut anyway: do not escape more of it than can be shown
            String shown = text.length() > LIMIT ? text.substring(0, LIMIT + 1) : text;
            out.append(shown.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            String separator = "";
            for (Object element : collection) {
                if (out.length() > LIMIT) {
                    break;
                }
                out.append(separator);
                append(out, element);
                separator = ", ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (out.length() > LIMIT) {
                    break;
                }
                out.append(separator).append(entry.getKey()).append(": ");
                append(out, entry.getValue());
                separator = ", ";
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    private static String truncate(CharSequence text) {
        if (text.length() <= LIMIT) {
            return text.toString();
        }
        return text.subSequence(0, LIMIT - 3) + "...";
    }
}
