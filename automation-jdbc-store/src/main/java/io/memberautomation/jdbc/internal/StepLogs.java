package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.StepLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends step log entries with one statement over column arrays, or one JDBC batch where the dialect
 * writes rows one by one; the primary key refuses an entry written before.
 */
final class StepLogs {
    private StepLogs() {}

    static void insert(Database database, Connection connection, List<StepLogEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        if (database.dialect().writesRowsAsArrays()) {
            try (PreparedStatement insert = database.prepare(connection, "executions.insert_step_logs_arrays")) {
                ExecutionRows.STEP_LOG_ARRAYS.bind(insert, entries);
                insert.executeUpdate();
            }
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
