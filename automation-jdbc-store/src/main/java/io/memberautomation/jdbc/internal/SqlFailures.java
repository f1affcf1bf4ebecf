package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.InfrastructureException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link SQLException} into the SPI's exceptions: trouble that goes away on its own (a lost
 * connection, a serialization failure, a deadlock, a lock timeout) becomes an {@link InfrastructureException}
 * the engine retries; a unique violation means another writer got there first, a
 * {@link ConcurrentUpdateException}; anything else is a plain {@link AutomationException}.
 */
public final class SqlFailures {
    static final String UNIQUE_VIOLATION = "23505";
    /** Whole SQLState classes: connection exceptions, transaction rollbacks, insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "55P03", // PostgreSQL lock_not_available
            "57014", // PostgreSQL query_canceled (a statement timeout)
            "57P01", "57P02", "57P03", // PostgreSQL server shutting down or starting
            "HYT00", // H2 lock timeout
            "90131", // H2 concurrent update
            "90067"); // H2 connection broken

    private SqlFailures() {}

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(stateOf(e));
    }

    public static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = stateOf(e);
        return state != null && (TRANSIENT_STATES.contains(state)
                || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }

    /** The SPI exception for a failure while doing {@code what}. */
    public static AutomationException translate(String what, SQLException e) {
        if (isUniqueViolation(e)) {
            ConcurrentUpdateException conflict = new ConcurrentUpdateException(what + ": " + e.getMessage());
            conflict.initCause(e);
            return conflict;
        }
        if (isTransient(e)) {
            return new InfrastructureException(what + " failed transiently: " + e.getMessage(), e);
        }
        return new AutomationException(what + " failed: " + e.getMessage(), e);
    }

    /** The SQLState of the exception or, for a batch failure that carries none, of the first chained one. */
    private static @Nullable String stateOf(SQLException e) {
        for (@Nullable SQLException current = e; current != null; current = current.getNextException()) {
            if (current.getSQLState() != null) {
                return current.getSQLState();
            }
        }
        return null;
    }
}
