package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vacuums the tables that claims consume (the queue, the timers, the outbox) every so many claimed rows, on
 * the claiming thread, before its next claim. On PostgreSQL a consumed row leaves a dead entry at the head of
 * the index its claims walk in due order, and every claim walks past all of them until a vacuum removes
 * them; autovacuum looks at a table at most once a minute ({@code autovacuum_naptime}), and a queue drained
 * at 10,000 rows a second grows a graveyard of 600,000 entries in that time. See {@code sql/postgresql/
 * vacuums.sql}. H2 removes an index entry with its row, so there this does nothing.
 *
 * <p>Counts are per node and a vacuum of a table runs on one thread at a time; nodes that vacuum together
 * skip a table another is vacuuming ({@code SKIP_LOCKED}). A vacuum that fails or is refused (a role that
 * does not own the table) is logged and tried again after the next count: the work it was for is never
 * affected.
 */
public final class ChurnVacuum {
    private static final Logger LOG = LoggerFactory.getLogger(ChurnVacuum.class);

    /** A table that claims consume, and its statement in {@code vacuums.sql}. */
    public enum Table {
        QUEUE("vacuums.queue"), TIMERS("vacuums.timers"), OUTBOX("vacuums.outbox");

        private final String statement;

        Table(String statement) {
            this.statement = statement;
        }
    }

    private record Churn(AtomicLong claimed, AtomicBoolean vacuuming, AtomicBoolean warned) {
        Churn() {
            this(new AtomicLong(), new AtomicBoolean(), new AtomicBoolean());
        }
    }

    private final Database database;
    private final long every;
    private final Map<Table, Churn> churn = new EnumMap<>(Table.class);

    /**
     * @param every claimed rows of a table between two of its vacuums, 0 or more (checked by
     *        {@code JdbcPersistence.Builder.vacuumEvery}); 0 leaves the tables to autovacuum
     */
    public ChurnVacuum(Database database, long every) {
        this.database = database;
        this.every = database.dialect().keepsDeadIndexEntries() ? every : 0;
        for (Table table : Table.values()) {
            churn.put(table, new Churn());
        }
    }

    /** Counts rows a claim took from {@code table} (marked leased, moved or processed). */
    public void claimed(Table table, int rows) {
        if (every > 0 && rows > 0) {
            churn.get(table).claimed().addAndGet(rows);
        }
    }

    /**
     * Vacuums {@code table} when {@code every} rows were claimed from it since its last vacuum by this node
     * and no other thread of this node is vacuuming it. Call it outside any transaction of the caller's.
     */
    public void vacuumIfDue(Table table) {
        Churn counts = churn.get(table);
        if (every == 0 || counts.claimed().get() < every || !counts.vacuuming().compareAndSet(false, true)) {
            return;
        }
        try {
            counts.claimed().set(0);
            vacuum(table, counts);
        } finally {
            counts.vacuuming().set(false);
        }
    }

    private void vacuum(Table table, Churn counts) {
        // VACUUM cannot run inside a transaction block: the pooled connection may be lent without autocommit
        try (Connection connection = database.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(database.sql(table.statement));
                report(table, counts, statement.getWarnings());
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not vacuum the {} table, will try again: {}", table, e.toString());
        }
    }

    /** A refusal (not the owner) or a skip (locked by another vacuum) comes back as a warning, not an error. */
    private static void report(Table table, Churn counts, @Nullable SQLWarning warning) {
        if (warning == null) {
            LOG.debug("vacuumed the {} table", table);
        } else if (counts.warned().compareAndSet(false, true)) {
            LOG.info("vacuuming the {} table: {} (logged once; see JdbcPersistence.Builder.vacuumEvery)", table,
                    warning.getMessage());
        } else {
            LOG.debug("vacuuming the {} table: {}", table, warning.getMessage());
        }
    }
}
