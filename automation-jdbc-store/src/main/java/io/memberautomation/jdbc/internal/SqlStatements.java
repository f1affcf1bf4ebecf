package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.AutomationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The named SQL statements of one dialect, loaded once from {@code sql/<dialect>/<aggregate>.sql}. A file
 * holds statements each introduced by a line {@code -- name: <name>}; full-line comments are dropped and a
 * trailing semicolon is optional. Statements are fixed text with {@code ?} parameters: nothing is ever
 * spliced into them from data.
 */
public final class SqlStatements {
    static final List<String> AGGREGATES = List.of("definitions", "executions", "queue", "timers", "members", "outbox",
            "sends", "claims", "vacuums");
    private static final String MARKER = "-- name:";

    private final Dialect dialect;
    private final Map<String, String> statements;

    private SqlStatements(Dialect dialect, Map<String, String> statements) {
        this.dialect = dialect;
        this.statements = Map.copyOf(statements);
    }

    public static SqlStatements load(Dialect dialect) {
        Map<String, String> statements = new HashMap<>();
        for (String aggregate : AGGREGATES) {
            String resource = "/io/memberautomation/jdbc/sql/" + dialect.name() + "/" + aggregate + ".sql";
            parse(aggregate, read(resource), statements);
        }
        return new SqlStatements(dialect, statements);
    }

    /**
     * The statement {@code aggregate.name}.
     *
     * @throws AutomationException when the dialect's files do not define it
     */
    public String get(String qualifiedName) {
        String statement = statements.get(qualifiedName);
        if (statement == null) {
            throw new AutomationException("no SQL statement \"" + qualifiedName + "\" for " + dialect);
        }
        return statement;
    }

    static String read(String resource) {
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AutomationException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AutomationException("cannot read resource " + resource, e);
        }
    }

    private static void parse(String aggregate, String text, Map<String, String> into) {
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(MARKER)) {
                put(aggregate, name, body, into);
                name = trimmed.substring(MARKER.length()).strip();
                body.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                body.append(line.stripTrailing()).append('\n');
            }
        }
        put(aggregate, name, body, into);
    }

    private static void put(String aggregate, @Nullable String name, StringBuilder body, Map<String, String> into) {
        if (name == null) {
            return;
        }
        String statement = body.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        if (statement.isEmpty() || into.put(aggregate + "." + name, statement) != null) {
            throw new AutomationException("empty or repeated SQL statement " + aggregate + "." + name);
        }
    }
}
