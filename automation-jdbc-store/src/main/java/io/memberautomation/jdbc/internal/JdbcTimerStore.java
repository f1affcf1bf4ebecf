package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.TimerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Timers in {@code automation_timers}. Due timers are locked with {@code FOR UPDATE SKIP LOCKED} in
 * (due time, id) order, so two nodes never move or claim the same timer; a claimed SCHEDULE timer's
 * {@code next_at} becomes the engine's now plus the lease (so an idle engine's next look waits for it)
 * and its {@code lease_until} the lease clock's (by default the database's, see {@link LeaseTimes}); it is
 * due again once both passed. EXECUTION timers have no lease: moving one deletes it in the transaction
 * that queues its execution.
 */
public final class JdbcTimerStore implements TimerStore {
    private final Database database;
    private final LeaseTimes leaseTimes;
    private final ChurnVacuum vacuum;

    public JdbcTimerStore(Database database, LeaseTimes leaseTimes, ChurnVacuum vacuum) {
        this.database = database;
        this.leaseTimes = leaseTimes;
        this.vacuum = vacuum;
    }

    @Override
    public void schedule(DueTimer timer) {
        Objects.requireNonNull(timer, "timer");
        database.transaction("scheduling timer " + timer.id(), connection -> {
            TimerRows.schedule(database, connection, List.of(timer));
            return null;
        });
    }

    /** Adds or replaces timers inside the caller's transaction. */
    public void schedule(Connection connection, List<DueTimer> timers) throws SQLException {
        TimerRows.schedule(database, connection, timers);
    }

    @Override
    public void cancel(String timerId) {
        database.transaction("cancelling timer " + timerId, connection -> {
            TimerRows.delete(database, connection, List.of(timerId));
            return null;
        });
    }

    @Override
    public void cancelForExecution(String executionId) {
        database.transaction("cancelling the timers of execution " + executionId, connection -> {
            TimerRows.cancelForExecution(database, connection, executionId);
            return null;
        });
    }

    @Override
    public int moveDueToQueue(Instant now, int limit) {
        Checks.atLeastOne(limit);
        vacuum.vacuumIfDue(ChurnVacuum.Table.TIMERS);
        int moved = database.transaction("moving due timers to the queue", connection -> {
            List<TimerRows.Row> due = DueRows.lock(database, connection, "timers.move", limit, TimerRows.due(now));
            List<String> ids = new ArrayList<>(due.size());
            Map<String, QueueRows.Entry> earliest = new LinkedHashMap<>();
            for (TimerRows.Row row : due) {
                DueTimer timer = row.timer();
                ids.add(timer.id());
                earliest.merge(timer.targetId(), new QueueRows.Entry(timer.targetId(), timer.organizationId(),
                        timer.dueAt()), (a, b) -> a.availableAt().isAfter(b.availableAt()) ? b : a);
            }
            TimerRows.delete(database, connection, ids);
            QueueRows.enqueue(database, connection, new ArrayList<>(earliest.values()));
            return due.size();
        });
        vacuum.claimed(ChurnVacuum.Table.TIMERS, moved);
        return moved;
    }

    @Override
    public List<DueTimer> claimDueSchedules(String owner, int limit, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Checks.atLeastOne(limit);
        Checks.positive(lease, "lease");
        vacuum.vacuumIfDue(ChurnVacuum.Table.TIMERS);
        List<DueTimer> schedules = database.transaction("claiming due schedules", connection -> {
            Instant leaseNow = leaseTimes.now(database, connection, now);
            List<TimerRows.Row> due = DueRows.lock(database, connection, "timers.claim", limit,
                    TimerRows.dueAndLapsed(now, leaseNow));
            List<DueTimer> claimed = new ArrayList<>(due.size());
            if (due.isEmpty()) {
                return claimed;
            }
            try (PreparedStatement leaseRow = database.prepare(connection, "timers.lease")) {
                for (TimerRows.Row row : due) {
                    leaseRow.setString(1, owner);
                    Jdbc.setInstant(leaseRow, 2, leaseNow.plus(lease));
                    Jdbc.setInstant(leaseRow, 3, now.plus(lease));
                    leaseRow.setString(4, row.timer().id());
                    leaseRow.addBatch();
                    claimed.add(row.timer());
                }
                leaseRow.executeBatch();
            }
            return claimed;
        });
        vacuum.claimed(ChurnVacuum.Table.TIMERS, schedules.size());
        return schedules;
    }

    /**
     * Deletes or replaces the fired timer only while it is stored unchanged: once a lapsed claim was
     * claimed again and completed by another node, a late completion finds the next occurrence (or
     * nothing) and changes nothing.
     */
    @Override
    public void completeSchedule(DueTimer fired, Optional<DueTimer> next) {
        database.transaction("completing schedule " + fired.id(), connection -> {
            Optional<TimerRows.Row> stored = lockById(connection, fired.id());
            if (stored.isEmpty() || !stored.get().timer().equals(fired)) {
                return null;
            }
            if (next.isEmpty() || !next.get().id().equals(fired.id())) {
                TimerRows.delete(database, connection, List.of(fired.id()));
            }
            if (next.isPresent()) {
                TimerRows.schedule(database, connection, List.of(next.get()));
            }
            return null;
        });
    }

    @Override
    public Optional<DueTimer> find(String timerId) {
        return database.read("reading timer " + timerId, connection -> {
            try (PreparedStatement find = database.prepare(connection, "timers.find")) {
                find.setString(1, timerId);
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(TimerRows.read(row).timer()) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return database.read("reading the next due time", connection -> {
            try (PreparedStatement next = database.prepare(connection, "timers.next_due");
                 ResultSet row = next.executeQuery()) {
                return row.next() ? Jdbc.optionalInstant(row, "next_at") : Optional.empty();
            }
        });
    }

    private Optional<TimerRows.Row> lockById(Connection connection, String timerId) throws SQLException {
        try (PreparedStatement lock = database.prepare(connection, "timers.lock_by_id")) {
            lock.setString(1, timerId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() ? Optional.of(TimerRows.read(row)) : Optional.empty();
            }
        }
    }
}
