package io.memberautomation.benchmarks.durable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * PostgreSQL's own counts, read on a connection to the {@code postgres} database, so that reading them adds
 * nothing to the benchmark database's statistics:
 * <ul>
 *   <li>{@code xact_commit} and {@code xact_rollback} of the benchmark database ({@code pg_stat_database}):
 *       every transaction, reads included, reported by each session when it ends a transaction at most once a
 *       second and when it exits; the runner reads them after the phase's sessions have exited.</li>
 *   <li>the next transaction id ({@code pg_snapshot_xmax(pg_current_snapshot())}): PostgreSQL assigns an id only
 *       to a transaction that writes (or locks rows), so its delta counts write transactions, of the whole
 *       server; reading it assigns none.</li>
 *   <li>the WAL insert position ({@code pg_current_wal_lsn()}), of the whole server.</li>
 *   <li>transactions and rows written (inserted, updated, deleted) in the other databases: when another
 *       database wrote rows during a phase, the server-wide transaction id and WAL deltas include its share.</li>
 * </ul>
 */
final class PgCounters implements AutoCloseable {
    private Connection admin;
    private final String adminUrl;
    private final Properties properties = new Properties();
    private final String database;

    /** One reading. */
    record Snapshot(long commits, long rollbacks, long nextXid, long walBytes, long otherTransactions,
                    long otherRowWrites) {
        Snapshot since(Snapshot before) {
            return new Snapshot(commits - before.commits, rollbacks - before.rollbacks, nextXid - before.nextXid,
                    walBytes - before.walBytes, otherTransactions - before.otherTransactions,
                    otherRowWrites - before.otherRowWrites);
        }
    }

    PgCounters(String benchUrl, String user, String password) throws SQLException {
        int slash = benchUrl.lastIndexOf('/');
        int query = benchUrl.indexOf('?', slash);
        this.database = benchUrl.substring(slash + 1, query < 0 ? benchUrl.length() : query);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        this.adminUrl = benchUrl.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : benchUrl.substring(query));
        this.admin = DriverManager.getConnection(adminUrl, properties);
    }

    /**
     * Reads the counters; when the server restarted since the last reading, says so (its statistics may have
     * been reset, so that phase's figures do not hold) and reconnects.
     */
    Snapshot read() throws SQLException {
        try {
            return readOnce();
        } catch (SQLException e) {
            if (admin.isValid(2)) {
                throw e;
            }
            System.out.println("  (PostgreSQL restarted during this phase: its counters for the phase do not hold)");
            admin = DriverManager.getConnection(adminUrl, properties);
            return readOnce();
        }
    }

    private Snapshot readOnce() throws SQLException {
        try (Statement clear = admin.createStatement()) {
            // statistics are cached per transaction otherwise (stats_fetch_consistency = cache)
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement read = admin.prepareStatement("""
                SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = ?),
                       (SELECT xact_rollback FROM pg_stat_database WHERE datname = ?),
                       pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                       pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                       (SELECT COALESCE(SUM(xact_commit + xact_rollback), 0) FROM pg_stat_database
                         WHERE datname IS NOT NULL AND datname <> ? AND datname <> 'postgres'),
                       (SELECT COALESCE(SUM(tup_inserted + tup_updated + tup_deleted), 0) FROM pg_stat_database
                         WHERE datname IS NOT NULL AND datname <> ?)
                """)) {
            read.setString(1, database);
            read.setString(2, database);
            read.setString(3, database);
            read.setString(4, database);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return new Snapshot(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6));
            }
        }
    }

    /** The server's version and the settings that bear on commit cost, for the report. */
    String settings() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement show = admin.createStatement()) {
            for (String setting : new String[] {"server_version", "synchronous_commit", "fsync", "wal_level",
                    "full_page_writes", "shared_buffers", "commit_delay", "max_wal_size"}) {
                try (ResultSet row = show.executeQuery("SHOW " + setting)) {
                    row.next();
                    text.append(text.length() == 0 ? "" : ", ").append(setting).append('=').append(row.getString(1));
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
