package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.AutomationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the supported databases. The SQL itself lives in resource files per dialect
 * ({@code sql/<name>/*.sql}, {@code schema/<name>/V*.sql}); this says where, and how locking behaves.
 */
public interface Dialect {

    /** The directory of the dialect's schema and statement files. */
    String name();

    /**
     * Whether {@code SELECT ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED} locks only the rows it returns.
     * PostgreSQL does; H2 locks every row matching the WHERE clause before it sorts and limits, so its
     * claims pick candidates without a lock and then lock them one by one, skipping those held elsewhere.
     */
    boolean locksOnlyReturnedRows();

    /**
     * Whether a statement that writes many rows takes them as one array per column and unnests them
     * ({@link ColumnArrays}), or runs as a JDBC batch of one statement per row. PostgreSQL executes each
     * statement of a batch on its own (parse, plan, execute, per row); one statement over arrays costs one
     * execution. H2 runs in the process, where a batched statement costs no round trip.
     */
    boolean writesRowsAsArrays();

    /**
     * Whether a deleted or updated row leaves its index entries behind until a vacuum (PostgreSQL's MVCC), so
     * that claims walking an index in due order walk past the entries of every row consumed since
     * ({@link ChurnVacuum}). H2 removes an entry with its row.
     */
    boolean keepsDeadIndexEntries();

    /** Whether an insert into the outbox notifies listeners (PostgreSQL's LISTEN/NOTIFY). */
    boolean notifiesOutboxInserts();

    /**
     * The dialect of the database behind the connection.
     *
     * @throws AutomationException naming the product when it is neither PostgreSQL nor H2
     */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String normalized = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (normalized.contains("postgresql")) {
            return PostgresDialect.INSTANCE;
        }
        if (normalized.equals("h2")) {
            return H2Dialect.INSTANCE;
        }
        throw new AutomationException("the JDBC store supports PostgreSQL and H2, not \"" + product + "\"");
    }
}
