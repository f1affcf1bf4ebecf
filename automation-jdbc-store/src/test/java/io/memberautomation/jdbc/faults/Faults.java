package io.memberautomation.jdbc.faults;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** What the fault tests share: engine nodes in JVMs of their own, bounded waits, and SQL checks. */
final class Faults {
    /** Step logs that record one step of one branch of one execution as completed more than once. */
    static final String DOUBLE_COMPLETIONS = """
            SELECT execution_id, branch_id, step_id, COUNT(*) FROM automation_step_logs
            WHERE status = 'completed' GROUP BY execution_id, branch_id, step_id HAVING COUNT(*) > 1""";

    private Faults() {}

    /**
     * Starts a {@link FaultNode} in a new JVM on this JVM's class path (surefire's: either the class path
     * itself or a manifest-only jar naming it, which a child JVM reads just the same), over the schema of
     * {@code pool}, its output in {@code target/fault-nodes/<node>.log}.
     */
    static Process startNode(HikariDataSource pool, String nodeId, int threads, Duration lease) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FaultNode.class.getName(),
                "url=" + pool.getJdbcUrl(), "user=" + pool.getUsername(), "password=" + pool.getPassword(),
                "schema=" + pool.getSchema(), "node=" + nodeId, "threads=" + threads,
                "leaseMillis=" + lease.toMillis()));
        try {
            Path logs = Path.of("target", "fault-nodes");
            Files.createDirectories(logs);
            File log = logs.resolve(nodeId + ".log").toFile();
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start fault node " + nodeId, e);
        }
    }

    /** Whether the node's log says it started its engine. */
    static boolean ready(String nodeId) {
        try {
            Path log = Path.of("target", "fault-nodes", nodeId + ".log");
            return Files.exists(log) && Files.readString(log).contains(FaultNode.READY);
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops a node the orderly way (its standard input closes), forcibly when it does not end in time. */
    static void stop(Process node) {
        try {
            node.getOutputStream().close();
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            node.destroyForcibly();
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, the failure also saying {@code state}. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; " + state.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** The rows of {@code sql}, each as its columns joined by spaces. */
    static List<String> rows(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** The executions by automation and status, and the queue's and timers' sizes: what a failed wait shows. */
    static String state(DataSource dataSource) {
        return "executions " + rows(dataSource, "SELECT automation_id, status, COUNT(*) FROM automation_executions"
                + " GROUP BY automation_id, status ORDER BY 1, 2") + ", queue " + rows(dataSource,
                "SELECT COUNT(*), COUNT(lease_owner), MIN(available_at), MIN(lease_until) FROM automation_work_queue")
                + ", timers " + rows(dataSource, "SELECT kind, COUNT(*), MIN(next_at) FROM automation_timers GROUP BY kind")
                + ", database now " + rows(dataSource, "SELECT CURRENT_TIMESTAMP");
    }

    static long executions(DataSource dataSource, String status) {
        return count(dataSource, "SELECT COUNT(*) FROM automation_executions WHERE status = '" + status + "'");
    }
}
