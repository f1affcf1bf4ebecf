package io.memberautomation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

        assertThat(storageParameters(dataSource, "automation_executions")).isEqualTo("fillfactor=50");
    }

    @Test
    void autoCreateSchema_onPostgres_keepsAutovacuumFromTruncatingTheQueuesUnderAnExclusiveLock() throws SQLException {
        DataSource dataSource = database.newEmptyDataSource();
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();

        assertThat(storageParameters(dataSource, "automation_work_queue")).isEqualTo("vacuum_truncate=false");
        assertThat(storageParameters(dataSource, "automation_timers")).isEqualTo("vacuum_truncate=false");
    }

    /** The table's storage parameters (pg_class.reloptions), comma-separated. */
    private static String storageParameters(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT array_to_string(c.reloptions, ',')"
                     + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND c.relname = ?")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as(table + " in the fixture's schema").isTrue();
                return row.getString(1);
            }
        }
    }
}
