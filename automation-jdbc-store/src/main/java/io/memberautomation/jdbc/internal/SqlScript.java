package io.memberautomation.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a schema script into statements at semicolons outside quotes, comments and PostgreSQL
 * dollar-quoted bodies (a function's body holds semicolons of its own).
 */
final class SqlScript {
    private SqlScript() {}

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
            } else if (c == '\'') {
                int end = closing(script, i + 1, "'");
                current.append(script, i, end);
                i = end;
            } else if (c == '$' && script.startsWith("$$", i)) {
                int end = closing(script, i + 2, "$$");
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The index just past the closing delimiter (a doubled quote inside a string is an escaped quote). */
    private static int closing(String script, int from, String delimiter) {
        int end = script.indexOf(delimiter, from);
        while (end >= 0 && delimiter.equals("'") && script.startsWith("''", end)) {
            end = script.indexOf(delimiter, end + 2);
        }
        if (end < 0) {
            throw new IllegalArgumentException("unterminated " + delimiter + " in schema script");
        }
        return end + delimiter.length();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
