package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.WorkLease;
import io.memberautomation.spi.store.WorkQueue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * fencing token from a sequence, which complete, release, extend and commits check. Lease times are the
 * {@code now} the caller passes, as the SPI asks, so they follow the engine's clock; safety never depends
 * on clocks agreeing, since a lease holder whose token was replaced can no longer write.
 */
public final class JdbcWorkQueue implements WorkQueue {
    private final Database database;

    public JdbcWorkQueue(Database database) {
        this.database = database;
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
        Instant until = now.plus(Checks.positive(lease, "lease"));
        return database.transaction("claiming queued work",
                connection -> QueueRows.claim(database, connection, owner, limit, now, until));
    }

    @Override
    public List<WorkLease> extend(Collection<WorkLease> leases, Instant now, Duration lease) {
        Instant until = now.plus(Checks.positive(lease, "lease"));
        if (leases.isEmpty()) {
            return List.of();
        }
        List<WorkLease> ordered = new ArrayList<>(leases);
        ordered.sort(Comparator.comparing(WorkLease::executionId));
        return database.transaction("extending leases", connection -> {
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
        return database.read("counting queued work", connection -> {
            try (PreparedStatement count = database.prepare(connection, "queue.size");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
