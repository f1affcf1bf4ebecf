package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The data source, its dialect and statements, and the one way this module runs SQL: a unit of work on
 * a connection of its own, committed when it returns and rolled back when it throws, with every
 * {@link SQLException} translated by {@link SqlFailures}. The store relies on row locks under READ
 * COMMITTED (each statement sees what committed before it began); when the pool's connections default to
 * a stricter level, every transaction sets READ COMMITTED and restores the default after.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final SqlStatements statements;
    private final boolean setReadCommitted;

    private Database(DataSource dataSource, Dialect dialect, SqlStatements statements, boolean setReadCommitted) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.statements = statements;
        this.setReadCommitted = setReadCommitted;
    }

    /** Connects once to learn the dialect and the connections' default isolation level. */
    public static Database open(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            boolean stricter = connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED;
            return new Database(dataSource, dialect, SqlStatements.load(dialect), stricter);
        } catch (SQLException e) {
            throw SqlFailures.translate("connecting to the automation database", e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The named statement, {@code aggregate.name}. */
    public String sql(String qualifiedName) {
        return statements.get(qualifiedName);
    }

    public PreparedStatement prepare(Connection connection, String qualifiedName) throws SQLException {
        return connection.prepareStatement(sql(qualifiedName));
    }

    /**
     * Runs {@code work} in one transaction.
     *
     * @param what what the work does, for error messages
     */
    public <T> T transaction(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = setReadCommitted ? connection.getTransactionIsolation() : -1;
            if (setReadCommitted) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                restore(connection, autoCommit, isolation, e);
                throw e;
            }
            restore(connection, autoCommit, isolation, null);
            return result;
        } catch (SQLException e) {
            throw SqlFailures.translate(what, e);
        }
    }

    /**
     * Runs {@code work} as plain reads, outside any transaction of ours. When the work fails, a failure to
     * end the read only joins it as suppressed: a pool that closes a broken connection at once (HikariCP)
     * would otherwise replace the server's "connection lost" with its own "connection is closed", which
     * carries no SQLState and would not be seen as transient.
     */
    public <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    endRead(connection);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            endRead(connection);
            return result;
        } catch (SQLException e) {
            throw SqlFailures.translate(what, e);
        }
    }

    private static void endRead(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public String toString() {
        return "Database[" + dialect + "]";
    }

    /**
     * Gives a pooled connection back as it was lent. After a failure the original exception wins and a
     * failed restore only joins it as suppressed; the pool then sees a broken connection.
     */
    private void restore(Connection connection, boolean autoCommit, int isolation, @Nullable Throwable failure)
            throws SQLException {
        try {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
            if (setReadCommitted) {
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }
}
