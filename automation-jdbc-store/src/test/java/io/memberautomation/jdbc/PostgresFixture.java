package io.memberautomation.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.spi.member.Member;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * A schema of its own in the test PostgreSQL database for one test class, emptied on every call and
 * dropped after the class. Register as a static field with {@code @RegisterExtension}.
 *
 * <p>The database is {@code AUTOMATION_TEST_PG_URL} (default
 * {@code jdbc:postgresql://localhost:5432/automation_test}) as {@code AUTOMATION_TEST_PG_USER} /
 * {@code AUTOMATION_TEST_PG_PASSWORD} (default automation / automation). When it cannot be reached the
 * class's tests are skipped, saying so, except under {@code CI=true}, where they fail: CI must run them.
 */
public final class PostgresFixture implements BeforeAllCallback, AfterAllCallback, DatabaseFixture {
    /** Children before parents; DELETE, because TRUNCATE rewrites files and costs more on tables this small. */
    private static final List<String> TABLES = List.of("automation_step_logs", "automation_executions",
            "automation_definitions", "automation_definition_status", "automation_work_queue", "automation_timers",
            "automation_enrollments", "automation_processed_events", "automation_outbox", "automation_members",
            "automation_message_ledger", "automation_email_sends");

    private final String schema = newSchemaName();
    private @Nullable HikariDataSource dataSource;
    /** Extra empty schemas and their pools, made by {@link #newEmptyDataSource()}. */
    private final Map<String, HikariDataSource> emptySchemas = new LinkedHashMap<>();

    static String url() {
        return env("AUTOMATION_TEST_PG_URL", "jdbc:postgresql://localhost:5432/automation_test");
    }

    static String user() {
        return env("AUTOMATION_TEST_PG_USER", "automation");
    }

    static String password() {
        return env("AUTOMATION_TEST_PG_PASSWORD", "automation");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String unreachable = unreachableReason();
        if (unreachable != null) {
            String message = "PostgreSQL tests skipped: " + unreachable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required when CI=true, but " + unreachable
                        + " (set AUTOMATION_TEST_PG_URL, AUTOMATION_TEST_PG_USER, AUTOMATION_TEST_PG_PASSWORD)");
            }
            System.out.println(message + " [" + context.getDisplayName() + "]");
            Assumptions.abort(message);
        }
        dataSource = poolOver(schema);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dataSource.close();
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        emptySchemas.forEach((name, pool) -> {
            pool.close();
            execute("DROP SCHEMA " + name + " CASCADE");
        });
        emptySchemas.clear();
    }

    @Override
    public synchronized HikariDataSource newEmptyDataSource() {
        pool();
        String name = newSchemaName();
        HikariDataSource pool = poolOver(name);
        emptySchemas.put(name, pool);
        return pool;
    }

    /** The class's pool over its schema, emptied: every row of every automation table deleted. */
    @Override
    public HikariDataSource newDataSource() {
        HikariDataSource pool = pool();
        try (Connection connection = pool.getConnection(); Statement delete = connection.createStatement()) {
            if (tablesExist(connection)) {
                for (String table : TABLES) {
                    delete.addBatch("DELETE FROM " + table);
                }
                delete.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty schema " + schema, e);
        }
        return pool;
    }

    @Override
    public JdbcMemberDirectory newDirectory(List<Member> seed) {
        JdbcMemberDirectory directory = newPersistence().memberDirectory();
        seed.forEach(directory::put);
        return directory;
    }

    private HikariDataSource pool() {
        if (dataSource == null) {
            throw new IllegalStateException("register PostgresFixture as a static @RegisterExtension field");
        }
        return dataSource;
    }

    private boolean tablesExist(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, "automation_executions", null)) {
            return tables.next();
        }
    }

    private static String newSchemaName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static HikariDataSource poolOver(String schema) {
        execute("CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword(password());
        config.setSchema(schema);
        config.setMaximumPoolSize(10);
        // the tests need no durability against a crash of the database server, and run faster without it
        config.setConnectionInitSql("SET synchronous_commit TO off");
        config.setPoolName("pg-test-" + schema);
        return new HikariDataSource(config);
    }

    private static @Nullable String unreachableReason() {
        try (Connection connection = connect()) {
            return connection.isValid(2) ? null : "the connection to " + url() + " is not valid";
        } catch (SQLException e) {
            return "cannot connect to " + url() + " as " + user() + ": " + e.getMessage();
        }
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed on: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(url(), properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
