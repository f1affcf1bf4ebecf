package io.memberautomation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SendRecordsCases} on PostgreSQL, and the storage settings only PostgreSQL has. */
class PostgresSendRecordsTest extends SendRecordsCases {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }

    @Test
    void autoCreateSchema_onPostgres_keepsHalfOfEachExecutionsPageFreeForHeapOnlyUpdates() throws SQLException {
        DataSource dataSource = database.newEmptyDataSource();
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT array_to_string(c.reloptions, ',') FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND c.relname = 'automation_executions'")) {
            assertThat(row.next()).as("the executions table in the fixture's schema").isTrue();
            assertThat(row.getString(1)).isEqualTo("fillfactor=50");
        }
    }
}
