package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.WorkLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The work queue's row operations, run inside a caller's transaction so that an execution commit, a
 * timer move or an enrollment changes the queue atomically with its own writes.
 */
final class QueueRows {
    /** Work to enqueue: an execution, its organization and when it becomes claimable. */
    record Entry(String executionId, String organizationId, Instant availableAt) {}

    private record Due(String executionId, Instant availableAt) {}

    /** The columns of {@code enqueue_arrays}, in its order. */
    private static final ColumnArrays<Entry> ENTRY_ARRAYS = new ColumnArrays<Entry>()
            .text(Entry::executionId).text(Entry::organizationId).instant(Entry::availableAt);

    /** The columns of {@code settle_delete_arrays}, in its order. */
    static final ColumnArrays<WorkLease> LEASE_ARRAYS = new ColumnArrays<WorkLease>()
            .text(WorkLease::executionId).bigint(WorkLease::fencingToken).text(WorkLease::owner);

    private QueueRows() {}

    /**
     * Enqueues every entry, in execution id order so that two transactions enqueuing overlapping sets
     * lock the rows in the same order and cannot deadlock.
     */
    static void enqueue(Database database, Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(Entry::executionId));
        if (database.dialect().writesRowsAsArrays()) {
            // one statement may not change a row twice: an execution enqueued twice keeps its earliest time,
            // as the upsert run twice would
            List<Entry> distinct = new ArrayList<>(ordered.size());
            for (Entry entry : ordered) {
                int last = distinct.size() - 1;
                if (last >= 0 && distinct.get(last).executionId().equals(entry.executionId())) {
                    if (entry.availableAt().isBefore(distinct.get(last).availableAt())) {
                        distinct.set(last, entry);
                    }
                } else {
                    distinct.add(entry);
                }
            }
            try (PreparedStatement enqueue = database.prepare(connection, "queue.enqueue_arrays")) {
                ENTRY_ARRAYS.bind(enqueue, distinct);
                enqueue.executeUpdate();
            }
            return;
        }
        List<Upserts.Binder> rows = new ArrayList<>(ordered.size());
        for (Entry entry : ordered) {
            rows.add(enqueue -> {
                enqueue.setString(1, entry.executionId());
                enqueue.setString(2, entry.organizationId());
                Jdbc.setInstant(enqueue, 3, entry.availableAt());
            });
        }
        try (PreparedStatement enqueue = database.prepare(connection, "queue.enqueue")) {
            Upserts.executeBatch(enqueue, rows);
        }
    }

    /**
     * Leases up to {@code limit} claimable executions in order, each under a new fencing token: available at
     * {@code now} (the engine's clock) and free or lapsed at {@code leaseNow} (the lease clock, see
     * {@link LeaseTimes}), leased until {@code until} on the lease clock.
     */
    static List<WorkLease> claim(Database database, Connection connection, String owner, int limit, Instant now,
                                 Instant leaseNow, Instant until) throws SQLException {
        return database.dialect().locksOnlyReturnedRows()
                ? claimAtOnce(database, connection, owner, limit, now, leaseNow, until)
                : claimOneByOne(database, connection, owner, limit, now, leaseNow, until);
    }

    /**
     * Locks and leases in one statement (PostgreSQL), planned to walk the due index ({@link ClaimPlans}), then
     * puts the leases in claim order.
     */
    private static List<WorkLease> claimAtOnce(Database database, Connection connection, String owner, int limit,
                                               Instant now, Instant leaseNow, Instant until) throws SQLException {
        record Leased(Due due, long token) {}
        List<Leased> leased = ClaimPlans.inIndexOrder(database, connection, claiming -> {
            List<Leased> rows = new ArrayList<>();
            try (PreparedStatement claim = database.prepare(claiming, "queue.claim_lock")) {
                Jdbc.setInstant(claim, 1, now);
                Jdbc.setInstant(claim, 2, leaseNow);
                claim.setInt(3, limit);
                claim.setString(4, owner);
                Jdbc.setInstant(claim, 5, until);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Leased(new Due(Jdbc.string(row, "execution_id"),
                                Jdbc.instant(row, "available_at")), row.getLong("lease_token")));
                    }
                }
            }
            return rows;
        });
        leased.sort(Comparator.comparing((Leased row) -> row.due().availableAt())
                .thenComparing(row -> row.due().executionId()));
        List<WorkLease> leases = new ArrayList<>(leased.size());
        for (Leased row : leased) {
            leases.add(new WorkLease(row.due().executionId(), owner, row.token(), until));
        }
        return leases;
    }

    /** Locks candidates one by one (H2, see {@link DueRows}), then leases them under new tokens. */
    private static List<WorkLease> claimOneByOne(Database database, Connection connection, String owner, int limit,
                                                 Instant now, Instant leaseNow, Instant until) throws SQLException {
        List<Due> due = DueRows.lock(database, connection, "queue.claim", limit, new DueRows.ByTimeThenId<>() {
            @Override
            public int bindDue(PreparedStatement statement) throws SQLException {
                Jdbc.setInstant(statement, 1, now);
                Jdbc.setInstant(statement, 2, leaseNow);
                return 3;
            }

            @Override
            public Due read(ResultSet row) throws SQLException {
                return new Due(Jdbc.string(row, "execution_id"), Jdbc.instant(row, "available_at"));
            }

            @Override
            protected Instant at(Due row) {
                return row.availableAt();
            }

            @Override
            protected String id(Due row) {
                return row.executionId();
            }
        });
        if (due.isEmpty()) {
            return List.of();
        }
        List<Long> tokens = nextTokens(database, connection, due.size());
        List<WorkLease> leases = new ArrayList<>(due.size());
        try (PreparedStatement grant = database.prepare(connection, "queue.grant")) {
            for (int i = 0; i < due.size(); i++) {
                WorkLease lease = new WorkLease(due.get(i).executionId(), owner, tokens.get(i), until);
                grant.setString(1, owner);
                grant.setLong(2, lease.fencingToken());
                Jdbc.setInstant(grant, 3, until);
                grant.setString(4, lease.executionId());
                grant.addBatch();
                leases.add(lease);
            }
            grant.executeBatch();
        }
        return leases;
    }

    /**
     * Lets go of a held lease as part of a commit or a complete/release: the row goes when nothing is
     * pending, else it waits for the earlier of {@code availableAt} and work enqueued during the lease.
     *
     * @return false when the lease is not the current one (nothing changed)
     */
    static boolean settle(Database database, Connection connection, WorkLease lease, Optional<Instant> availableAt)
            throws SQLException {
        if (availableAt.isEmpty()) {
            try (PreparedStatement delete = database.prepare(connection, "queue.settle_delete")) {
                bindLease(delete, 1, lease);
                if (delete.executeUpdate() > 0) {
                    return true;
                }
            }
        }
        try (PreparedStatement requeue = database.prepare(connection, "queue.settle_requeue")) {
            Instant at = availableAt.orElse(Jdbc.LATEST);
            Jdbc.setInstant(requeue, 1, at);
            Jdbc.setInstant(requeue, 2, at);
            bindLease(requeue, 3, lease);
            return requeue.executeUpdate() > 0;
        }
    }

    static void bindLease(PreparedStatement statement, int index, WorkLease lease) throws SQLException {
        statement.setString(index, lease.executionId());
        statement.setLong(index + 1, lease.fencingToken());
        statement.setString(index + 2, lease.owner());
    }

    private static List<Long> nextTokens(Database database, Connection connection, int count) throws SQLException {
        List<Long> tokens = new ArrayList<>(count);
        try (PreparedStatement next = database.prepare(connection, "queue.next_tokens")) {
            next.setInt(1, count);
            try (ResultSet rows = next.executeQuery()) {
                while (rows.next()) {
                    tokens.add(rows.getLong(1));
                }
            }
        }
        if (tokens.size() != count) {
            throw new SQLException("asked for " + count + " fencing tokens, got " + tokens.size());
        }
        return tokens;
    }
}
