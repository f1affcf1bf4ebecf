package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Locks the first due rows of a table in their claim order, skipping rows other transactions hold
 * ({@code FOR UPDATE SKIP LOCKED}), so several nodes claim disjoint batches without waiting on each other.
 *
 * <p>On a database whose limited lock query locks only what it returns, this is the one statement
 * {@code <name>_lock}, planned to walk its index in order ({@link ClaimPlans}). Elsewhere (H2) it pages
 * through {@code <name>_candidates} without a lock and locks each candidate with {@code <name>_lock_one},
 * which checks again that it is due; either way the caller gets up to {@code limit} due rows, in order, that
 * no one else holds until its transaction ends.
 */
public final class DueRows {
    private DueRows() {}

    /** The parameters and rows of one claim query. */
    public interface Query<R> {
        /** Binds the due condition's parameters from index 1; returns the next index. */
        int bindDue(PreparedStatement statement) throws SQLException;

        /** Binds the position after {@code last} (before every row when null) from {@code index}; returns the next. */
        int bindAfter(PreparedStatement statement, int index, @Nullable R last) throws SQLException;

        /** Binds the row's key at {@code index}. */
        void bindKey(PreparedStatement statement, int index, R row) throws SQLException;

        R read(ResultSet row) throws SQLException;
    }

    /** A query over rows claimed in order of a time column, then an id: the queue's and the timers'. */
    public abstract static class ByTimeThenId<R> implements Query<R> {
        protected abstract Instant at(R row);

        protected abstract String id(R row);

        @Override
        public int bindAfter(PreparedStatement statement, int index, @Nullable R last) throws SQLException {
            Instant at = last == null ? Jdbc.EARLIEST : at(last);
            Jdbc.setInstant(statement, index, at);
            Jdbc.setInstant(statement, index + 1, at);
            statement.setString(index + 2, last == null ? "" : id(last));
            return index + 3;
        }

        @Override
        public void bindKey(PreparedStatement statement, int index, R row) throws SQLException {
            statement.setString(index, id(row));
        }
    }

    public static <R> List<R> lock(Database database, Connection connection, String name, int limit, Query<R> query)
            throws SQLException {
        return database.dialect().locksOnlyReturnedRows()
                ? lockAtOnce(database, connection, name, limit, query)
                : lockOneByOne(database, connection, name, limit, query);
    }

    private static <R> List<R> lockAtOnce(Database database, Connection connection, String name, int limit,
                                          Query<R> query) throws SQLException {
        return ClaimPlans.inIndexOrder(database, connection, claiming -> {
            try (PreparedStatement statement = database.prepare(claiming, name + "_lock")) {
                statement.setInt(query.bindDue(statement), limit);
                return readAll(statement, query);
            }
        });
    }

    private static <R> List<R> lockOneByOne(Database database, Connection connection, String name, int limit,
                                            Query<R> query) throws SQLException {
        List<R> locked = new ArrayList<>(Math.min(limit, 256));
        try (PreparedStatement candidates = database.prepare(connection, name + "_candidates");
             PreparedStatement lockOne = database.prepare(connection, name + "_lock_one")) {
            @Nullable R last = null;
            while (locked.size() < limit) {
                int index = query.bindAfter(candidates, query.bindDue(candidates), last);
                candidates.setInt(index, limit);
                List<R> page = readAll(candidates, query);
                for (R candidate : page) {
                    query.bindKey(lockOne, query.bindDue(lockOne), candidate);
                    List<R> row = readAll(lockOne, query);
                    if (!row.isEmpty()) {
                        locked.add(row.get(0));
                        if (locked.size() == limit) {
                            break;
                        }
                    }
                }
                if (page.size() < limit) {
                    break;
                }
                last = page.get(page.size() - 1);
            }
        }
        return locked;
    }

    private static <R> List<R> readAll(PreparedStatement statement, Query<R> query) throws SQLException {
        List<R> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(query.read(result));
            }
        }
        return rows;
    }
}
