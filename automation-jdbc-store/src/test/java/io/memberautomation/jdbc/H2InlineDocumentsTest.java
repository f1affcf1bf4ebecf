package io.memberautomation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.spi.member.Member;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 6 on H2: the documents every execution, step log, timer, outbox event and member carries move
 * from LOBs into their rows, keeping what a version 5 database holds. A file database, where H2 keeps long
 * LOBs apart from their rows.
 */
class H2InlineDocumentsTest {
    private static final String ORG = "default";
    private static final Map<String, String> DOCUMENT_COLUMNS = Map.of(
            "AUTOMATION_EXECUTIONS", "TRIGGER BRANCHES STEP_OUTPUTS ERROR_MESSAGE",
            "AUTOMATION_STEP_LOGS", "DETAIL ERROR_MESSAGE",
            "AUTOMATION_TIMERS", "DATA",
            "AUTOMATION_OUTBOX", "PAYLOAD",
            "AUTOMATION_MEMBERS", "FIELDS");

    @TempDir
    Path directory;

    @Test
    void autoCreateSchema_whenAVersion5DatabaseHoldsALongDocument_movesItIntoTheRowKeepingEveryCharacter()
            throws SQLException {
        String notes = "Renewal call: ünïcødé ✓, \"quoted\", 12.50 GBP; ".repeat(1_000);
        try (HikariDataSource dataSource = fileDatabase()) {
            JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
            StringBuilder toVersion5 = new StringBuilder();
            DOCUMENT_COLUMNS.forEach((table, columns) -> {
                for (String column : columns.split(" ")) {
                    toVersion5.append("ALTER TABLE ").append(table).append(" ALTER COLUMN ").append(column)
                            .append(" SET DATA TYPE CHARACTER LARGE OBJECT;");
                }
            });
            execute(dataSource, toVersion5 + "DELETE FROM automation_schema_version WHERE version = 6");
            JdbcPersistence.builder(dataSource).build().memberDirectory()
                    .put(new Member("m-1", ORG, Map.of("notes", notes)));
            assertThat(columnTypes(dataSource)).as("version 5").containsValue("CHARACTER LARGE OBJECT")
                    .doesNotContainValue("CHARACTER VARYING");

            JdbcPersistence upgraded = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();

            assertThat(columnTypes(dataSource)).hasSize(9).allSatisfy((column, type) ->
                    assertThat(type).as(column).isEqualTo("CHARACTER VARYING"));
            assertThat(attributes(dataSource, "AUTOMATION_MEMBERS", "FIELDS")).as("still required")
                    .isEqualTo("NO null");
            assertThat(attributes(dataSource, "AUTOMATION_OUTBOX", "PAYLOAD")).as("still required, default kept")
                    .isEqualTo("NO '{}'");
            assertThat(type(dataSource, "AUTOMATION_DEFINITIONS", "DOCUMENT")).as("definitions stay LOBs")
                    .isEqualTo("CHARACTER LARGE OBJECT");
            assertThat(upgraded.memberDirectory().find(ORG, "m-1").orElseThrow().fields())
                    .containsEntry("notes", notes);
        }
    }

    private HikariDataSource fileDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("automation").toAbsolutePath());
        config.setPoolName("h2-inline-documents");
        return new HikariDataSource(config);
    }

    private static Map<String, String> columnTypes(HikariDataSource dataSource) throws SQLException {
        Map<String, String> types = new TreeMap<>();
        for (Map.Entry<String, String> table : DOCUMENT_COLUMNS.entrySet()) {
            for (String column : table.getValue().split(" ")) {
                types.put(table.getKey() + "." + column, type(dataSource, table.getKey(), column));
            }
        }
        return types;
    }

    private static String type(HikariDataSource dataSource, String table, String column) throws SQLException {
        return describe(dataSource, table, column, "DATA_TYPE");
    }

    /** Whether the column takes nulls (YES or NO), then its default. */
    private static String attributes(HikariDataSource dataSource, String table, String column) throws SQLException {
        return describe(dataSource, table, column, "IS_NULLABLE", "COLUMN_DEFAULT");
    }

    /** The given fields of the column's row in INFORMATION_SCHEMA.COLUMNS, separated by spaces. */
    private static String describe(HikariDataSource dataSource, String table, String column, String... fields)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + String.join(", ", fields)
                     + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table + "' AND COLUMN_NAME = '"
                     + column + "'")) {
            assertThat(row.next()).as(table + "." + column).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= fields.length; i++) {
                values.add(row.getString(i));
            }
            return String.join(" ", values);
        }
    }

    private static void execute(HikariDataSource dataSource, String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements.split(";")) {
                statement.execute(sql);
            }
        }
    }
}
