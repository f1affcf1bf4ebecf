package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Which clock lease times come from. With the database's clock (the default), a lease's end is the
 * database's {@code CURRENT_TIMESTAMP} plus the lease duration, and a lease lapsed when that end is not
 * after the database's {@code CURRENT_TIMESTAMP}: every node of a cluster measures liveness against the one
 * clock they share, so a node whose clock runs ahead cannot take over the work of a live node, and a node
 * whose clock runs behind cannot keep work it stopped extending. Due times (of queued work and timers)
 * stay on the engine's clock, which the engine passes with every call: they are business time, which a
 * test clock drives. {@code CURRENT_TIMESTAMP} is a {@code TIMESTAMP WITH TIME ZONE} on both databases, so
 * it is an instant whatever the session's time zone; on PostgreSQL it is the transaction's start.
 *
 * <p>With the engine's clock, lease times follow the {@code now} passed in, as the SPI's contract suites
 * expect when they move a test clock past a lease.
 */
public final class LeaseTimes {
    private static final LeaseTimes DATABASE = new LeaseTimes(true);
    private static final LeaseTimes ENGINE = new LeaseTimes(false);

    private final boolean databaseClock;

    private LeaseTimes(boolean databaseClock) {
        this.databaseClock = databaseClock;
    }

    public static LeaseTimes databaseClock() {
        return DATABASE;
    }

    public static LeaseTimes engineClock() {
        return ENGINE;
    }

    /** The instant leases are measured from in this transaction: the database's or the engine's now. */
    Instant now(Database database, Connection connection, Instant engineNow) throws SQLException {
        if (!databaseClock) {
            return engineNow;
        }
        try (PreparedStatement now = database.prepare(connection, "queue.database_now");
             ResultSet row = now.executeQuery()) {
            row.next();
            return Jdbc.stored(Jdbc.instant(row, "now"));
        }
    }

    @Override
    public String toString() {
        return databaseClock ? "leases on the database's clock" : "leases on the engine's clock";
    }
}
