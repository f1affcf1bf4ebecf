package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statements_splitAtSemicolonsOutsideQuotesCommentsAndDollarBodies() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (a VARCHAR(10) DEFAULT 'x;y', b VARCHAR(10) DEFAULT 'it''s; fine');
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM 1;
                    RETURN NULL;
                END
                $$;
                CREATE INDEX i ON t (a)
                """;

        List<String> statements = SqlScript.statements(script);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isEqualTo(
                "CREATE TABLE t (a VARCHAR(10) DEFAULT 'x;y', b VARCHAR(10) DEFAULT 'it''s; fine')");
        assertThat(statements.get(1)).startsWith("CREATE FUNCTION").contains("PERFORM 1;").endsWith("$$");
        assertThat(statements.get(2)).isEqualTo("CREATE INDEX i ON t (a)");
    }

    @Test
    void statements_whenAQuoteIsNeverClosed_refuseTheScript() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'open;")).isInstanceOf(IllegalArgumentException.class);
    }
}
