package io.memberautomation.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs insert-or-update and insert-if-absent statements. PostgreSQL's {@code ON CONFLICT} never fails on
 * its conflict target. H2's {@code MERGE} and plain inserts can: two transactions inserting the same new
 * key both pass the "absent" check and the later one fails with a unique violation once the first commits.
 * H2 fails only the statement, not the transaction, so the upsert is run again and now finds the row.
 */
public final class Upserts {
    private Upserts() {}

    /** Runs an upsert; returns its update count. */
    public static int execute(PreparedStatement upsert) throws SQLException {
        try {
            return upsert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw e;
            }
            return upsert.executeUpdate();
        }
    }

    /**
     * Runs a batch of upserts that may be run again without changing their outcome. When H2 reports a
     * unique violation for one of them, each is run again alone (see {@link #execute}).
     */
    public static void executeBatch(PreparedStatement upserts, List<Binder> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        for (Binder row : rows) {
            row.bind(upserts);
            upserts.addBatch();
        }
        try {
            upserts.executeBatch();
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw e;
            }
            upserts.clearBatch();
            for (Binder row : rows) {
                row.bind(upserts);
                execute(upserts);
            }
        }
    }

    /** Binds one row's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs an insert that may find its row present; returns whether it inserted. */
    public static boolean insertIfAbsent(PreparedStatement insert) throws SQLException {
        try {
            return insert.executeUpdate() > 0;
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
