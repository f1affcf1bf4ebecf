package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a claim statement ({@code ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED}) so that it walks its index
 * in order whatever the table's statistics say, and puts the planner settings back after it: see
 * {@code sql/postgresql/claims.sql} for why. Only PostgreSQL's one-statement claims come here.
 */
final class ClaimPlans {
    private ClaimPlans() {}

    static <T> T inIndexOrder(Database database, Connection connection, SqlWork<T> claim) throws SQLException {
        String seqscan;
        String sort;
        try (PreparedStatement begin = database.prepare(connection, "claims.begin");
             ResultSet before = begin.executeQuery()) {
            before.next();
            seqscan = before.getString("seqscan");
            sort = before.getString("sort");
        }
        T claimed = claim.run(connection);
        try (PreparedStatement end = database.prepare(connection, "claims.end")) {
            end.setString(1, seqscan);
            end.setString(2, sort);
            end.executeQuery().close();
        }
        return claimed;
    }
}
