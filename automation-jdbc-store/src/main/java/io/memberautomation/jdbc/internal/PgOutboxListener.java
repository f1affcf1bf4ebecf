package io.memberautomation.jdbc.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A connection that LISTENs on PostgreSQL's {@code automation_outbox} channel, which the outbox table's
 * insert trigger notifies. The driver's notification API ({@code org.postgresql.PGConnection}) is reached
 * by reflection, because this module must not need the driver to compile or run: the host brings it.
 */
public final class PgOutboxListener implements AutoCloseable {
    private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";

    private final Connection connection;
    private final Object pgConnection;
    private final Method getNotifications;

    private PgOutboxListener(Connection connection, Object pgConnection, Method getNotifications) {
        this.connection = connection;
        this.pgConnection = pgConnection;
        this.getNotifications = getNotifications;
    }

    /** Opens a dedicated connection and starts listening; the caller closes it. */
    public static PgOutboxListener open(Database database) throws SQLException {
        Connection connection = database.dataSource().getConnection();
        try {
            Class<?> type = Class.forName(DRIVER_CONNECTION, false, connection.getClass().getClassLoader());
            Object pgConnection = connection.unwrap(type);
            Method getNotifications = type.getMethod("getNotifications", int.class);
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN automation_outbox");
            }
            return new PgOutboxListener(connection, pgConnection, getNotifications);
        } catch (ClassNotFoundException | NoSuchMethodException | SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e instanceof SQLException sql ? sql
                    : new SQLException("cannot listen for outbox notifications: " + e, e);
        }
    }

    /** Waits up to {@code timeout} for notifications; returns whether any came. */
    public boolean await(Duration timeout) throws SQLException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            Object notifications = getNotifications.invoke(pgConnection, millis);
            return notifications instanceof Object[] array && array.length > 0;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("waiting for outbox notifications failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("cannot call the driver's notification API", e);
        }
    }

    /**
     * Stops listening and gives the connection back. A pooled connection keeps its session, so it must not
     * go back still subscribed: notifications would pile up in the driver of whoever borrows it next.
     */
    @Override
    public void close() throws SQLException {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("UNLISTEN *");
            getNotifications.invoke(pgConnection, 1);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new SQLException("cannot clear outbox notifications", e);
        } finally {
            connection.close();
        }
    }
}
