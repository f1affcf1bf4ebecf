package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.WorkLease;
import io.memberautomation.spi.store.WorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The work queue in {@code automation_work_queue}. Claims lock due rows with {@code FOR UPDATE SKIP
 * LOCKED} in (availability, execution id) order, so nodes claim disjoint batches; each claim takes a new
 * fencing token from a sequence, which complete, release, extend and commits check. Availability is on
 * the engine's clock (the {@code now} the caller passes); lease ends and the check whether a lease lapsed
 * are on the lease clock, by default the database's ({@link LeaseTimes}), so nodes whose clocks disagree
 * still agree on who holds what. Safety never depends on clocks at all: a lease holder whose token was
 * replaced can no longer write.
 */
public final class JdbcWorkQueue implements WorkQueue {
    private final Database database;
    private final LeaseTimes leaseTimes;
    private final ChurnVacuum vacuum;

    public JdbcWorkQueue(Database database, LeaseTimes leaseTimes, ChurnVacuum vacuum) {
        this.database = database;
        this.leaseTimes = leaseTimes;
        this.vacuum = vacuum;
    }

    @Override
    public void enqueue(String executionId, String organizationId, Instant availableAt) {
        QueueRows.Entry entry = new QueueRows.Entry(Objects.requireNonNull(executionId, "executionId"),
                Objects.requireNonNull(organizationId, "organizationId"),
                Objects.requireNonNull(availableAt, "availableAt"));
        database.transaction("queueing execution " + executionId, connection -> {
            QueueRows.enqueue(database, connection, List.of(entry));
            return null;
        });
    }

    @Override
    public List<WorkLease> claim(String owner, int limit, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Checks.atLeastOne(limit);
        Checks.positive(lease, "lease");
        vacuum.vacuumIfDue(ChurnVacuum.Table.QUEUE);
        List<WorkLease> claimed = database.transaction("claiming queued work", connection -> {
            Instant leaseNow = leaseTimes.now(database, connection, now);
            return QueueRows.claim(database, connection, owner, limit, now, leaseNow, leaseNow.plus(lease));
        });
        vacuum.claimed(ChurnVacuum.Table.QUEUE, claimed.size());
        return claimed;
    }

    @Override
    public List<WorkLease> extend(Collection<WorkLease> leases, Instant now, Duration lease) {
        Checks.positive(lease, "lease");
        if (leases.isEmpty()) {
            return List.of();
        }
        List<WorkLease> ordered = new ArrayList<>(leases);
        ordered.sort(Comparator.comparing(WorkLease::executionId));
        return database.transaction("extending leases", connection -> {
            Instant until = leaseTimes.now(database, connection, now).plus(lease);
            List<WorkLease> extended = new ArrayList<>(ordered.size());
            try (PreparedStatement extend = database.prepare(connection, "queue.extend")) {
                for (WorkLease held : ordered) {
                    Jdbc.setInstant(extend, 1, until);
                    QueueRows.bindLease(extend, 2, held);
                    extend.addBatch();
                }
                int[] counts = extend.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    WorkLease held = ordered.get(i);
                    if (counts[i] > 0) {
                        extended.add(new WorkLease(held.executionId(), held.owner(), held.fencingToken(), until));
                    }
                }
            }
            return extended;
        });
    }

    @Override
    public void complete(WorkLease lease) {
        database.transaction("completing the lease on " + lease.executionId(),
                connection -> QueueRows.settle(database, connection, lease, Optional.empty()));
    }

    @Override
    public void release(WorkLease lease, Instant availableAt) {
        Objects.requireNonNull(availableAt, "availableAt");
        database.transaction("releasing the lease on " + lease.executionId(),
                connection -> QueueRows.settle(database, connection, lease, Optional.of(availableAt)));
    }

    @Override
    public long size() {
        return database.read("counting queued work", connection -> single(connection, "queue.size"));
    }

    @Override
    public boolean isEmpty() {
        return database.read("looking for queued work", connection -> single(connection, "queue.any") == 0);
    }

    private long single(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = database.prepare(connection, name); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
