package io.memberautomation.benchmarks.durable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The database of one run: a fresh schema in the PostgreSQL benchmark database (dropped at the end), or a fresh
 * H2 database in memory or in a file (deleted at the end). Hands out connection pools over it, one per phase, so
 * that closing a phase's pool ends its server sessions and PostgreSQL flushes their statistics; and answers the
 * runner's own questions (how much is queued, when executions completed) on a connection of its own.
 */
final class BenchDatabase implements AutoCloseable {
    private final LoadOptions options;
    private final String name;
    private final String url;
    private Connection monitor;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private int poolCount;
    /** Statements the runner ran on the benchmark database: each is one transaction in its statistics. */
    private long monitorQueries;

    private BenchDatabase(LoadOptions options, String name, String url) throws SQLException {
        this.options = options;
        this.name = name;
        this.url = url;
        if (options.postgres()) {
            try (Connection admin = connect(url); Statement create = admin.createStatement()) {
                create.execute("CREATE SCHEMA " + name);
            }
        }
        this.monitor = openMonitor();
    }

    private Connection openMonitor() throws SQLException {
        Connection connection = connect(url);
        if (options.postgres()) {
            try (Statement path = connection.createStatement()) {
                path.execute("SET search_path TO " + name);
            }
        }
        return connection;
    }

    private interface MonitorQuery<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs one of the runner's own statements; when the server went away (a restart), reconnects once, says so,
     * and runs it again, so a measurement survives what the engine survives.
     */
    private <T> T query(MonitorQuery<T> query) throws SQLException {
        monitorQueries++;
        try {
            return query.run(monitor);
        } catch (SQLException e) {
            if (monitor.isValid(2)) {
                throw e;
            }
            System.out.println("  (runner: lost its connection to the database, reconnecting: " + e.getMessage() + ")");
            try {
                monitor.close();
            } catch (SQLException ignored) {
                // already broken: the new connection replaces it
            }
            monitor = openMonitor();
            return query.run(monitor);
        }
    }

    static BenchDatabase open(LoadOptions options) throws SQLException {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // H2 keeps 8 parsed statements per session by default; a worker's transactions use about ten, so
        // each was parsed again every time (9.5% of the workers' time): keep 64
        String url = switch (options.db()) {
            case "pg" -> options.pgUrl();
            case "h2-mem" -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64";
            default -> "jdbc:h2:file:" + Path.of(options.h2Dir(), name).toAbsolutePath() + ";QUERY_CACHE_SIZE=64";
        };
        return new BenchDatabase(options, name, url);
    }

    /** What a report says the database is. */
    String describe() {
        return options.postgres() ? url + " schema " + name : url;
    }

    /** A new pool of {@code size} connections; PostgreSQL sessions are named after the run, to be counted. */
    HikariDataSource newPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword(password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(name + "-" + ++poolCount);
        if (options.postgres()) {
            config.setSchema(name);
            config.addDataSourceProperty("ApplicationName", name);
            if (options.syncCommit().equals("off")) {
                config.setConnectionInitSql("SET synchronous_commit TO off");
            }
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Opens every connection of a phase's pool before the phase starts, and on PostgreSQL has each plan a
     * statement over the store's tables, so that the phase measures an engine on a warm pool, as a running one
     * has, and not the server starting a process per connection and loading its catalog caches (a pool fills
     * itself in the background, which would otherwise happen during the measurement). The statements count
     * as the runner's own.
     */
    void fill(HikariDataSource pool) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                if (options.postgres()) {
                    monitorQueries++;
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(WARM_CATALOG);
                    }
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static final String WARM_CATALOG = "SELECT"
            + " (SELECT 1 FROM automation_executions LIMIT 0), (SELECT 1 FROM automation_step_logs LIMIT 0),"
            + " (SELECT 1 FROM automation_work_queue LIMIT 0), (SELECT 1 FROM automation_timers LIMIT 0),"
            + " (SELECT 1 FROM automation_enrollments LIMIT 0), (SELECT 1 FROM automation_processed_events LIMIT 0),"
            + " (SELECT 1 FROM automation_definitions LIMIT 0), (SELECT 1 FROM automation_definition_status LIMIT 0)";

    /**
     * Closes a phase's pool and, on PostgreSQL, waits until its sessions have ended: a session reports its
     * transaction counts to the statistics when it exits, so only then do they show in {@code pg_stat_database}.
     */
    void closePool(HikariDataSource pool) throws SQLException, InterruptedException {
        pool.close();
        pools.remove(pool);
        if (!options.postgres()) {
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && sessions() > 0) {
            Thread.sleep(20);
        }
    }

    /**
     * Whether anything is queued (or, if asked, a timer pending): false once everything enrolled has run and
     * nothing waits. An existence check stops at the first row it finds; a count would scan the whole queue on
     * every poll and take server time from the engine it measures.
     */
    boolean outstanding(boolean withTimers) throws SQLException {
        String sql = withTimers
                ? "SELECT CASE WHEN EXISTS (SELECT 1 FROM automation_work_queue)"
                        + " OR EXISTS (SELECT 1 FROM automation_timers) THEN 1 ELSE 0 END"
                : "SELECT CASE WHEN EXISTS (SELECT 1 FROM automation_work_queue) THEN 1 ELSE 0 END";
        return single(sql) > 0;
    }

    /** Executions of {@code automationId} in {@code status} created at or after {@code from}. */
    long count(String automationId, String status, Instant from) throws SQLException {
        return query(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM automation_executions"
                    + " WHERE automation_id = ? AND status = ? AND created_at >= ?")) {
                count.setString(1, automationId);
                count.setString(2, status);
                count.setTimestamp(3, Timestamp.from(from));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The latest completion among the executions of {@code automationId} created at or after {@code from}. */
    Optional<Instant> lastCompletion(String automationId, Instant from) throws SQLException {
        return query(connection -> {
            try (PreparedStatement last = connection.prepareStatement("SELECT MAX(completed_at)"
                    + " FROM automation_executions WHERE automation_id = ? AND created_at >= ?")) {
                last.setString(1, automationId);
                last.setTimestamp(2, Timestamp.from(from));
                try (ResultSet row = last.executeQuery()) {
                    row.next();
                    return Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant);
                }
            }
        });
    }

    /** Completion times by execution id, of the given executions. */
    Map<String, Instant> completions(String automationId) throws SQLException {
        return query(connection -> {
            Map<String, Instant> completed = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, completed_at"
                    + " FROM automation_executions WHERE automation_id = ? AND completed_at IS NOT NULL")) {
                select.setString(1, automationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        completed.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            return completed;
        });
    }

    /** How many statements the runner itself ran on the database so far (each an autocommit transaction). */
    long monitorQueries() {
        return monitorQueries;
    }

    String schema() {
        return name;
    }

    String user() {
        return options.postgres() ? options.pgUser() : "sa";
    }

    String password() {
        return options.postgres() ? options.pgPassword() : "";
    }

    private long sessions() throws SQLException {
        return query(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
                count.setString(1, name);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private long single(String sql) throws SQLException {
        return query(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public void close() throws SQLException, IOException {
        pools.forEach(HikariDataSource::close);
        if (options.postgres()) {
            query(connection -> {
                try (Statement drop = connection.createStatement()) {
                    return drop.execute("DROP SCHEMA " + name + " CASCADE");
                }
            });
        } else {
            try (Statement shutdown = monitor.createStatement()) {
                shutdown.execute("SHUTDOWN");
            }
        }
        monitor.close();
        if (options.db().equals("h2-file")) {
            try (Stream<Path> files = Files.list(Path.of(options.h2Dir()))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name)).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
