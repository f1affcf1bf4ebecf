package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.StepLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Appends step log entries with one JDBC batch; the primary key refuses an entry written before. */
final class StepLogs {
    private StepLogs() {}

    static void insert(Database database, Connection connection, List<StepLogEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = database.prepare(connection, "executions.insert_step_log")) {
            for (StepLogEntry entry : entries) {
                ExecutionRows.bindStepLog(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
