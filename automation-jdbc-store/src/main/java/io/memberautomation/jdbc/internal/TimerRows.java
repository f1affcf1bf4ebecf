package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.TimerKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The timer table's row operations, run inside a caller's transaction (a commit schedules timers too). */
final class TimerRows {
    /** A stored timer and when it is next due to be moved or claimed. */
    record Row(DueTimer timer, Instant nextAt) {}

    private TimerRows() {}

    /** Adds or replaces timers; a replaced SCHEDULE timer loses its claim. */
    static void schedule(Database database, Connection connection, List<DueTimer> timers) throws SQLException {
        if (timers.isEmpty()) {
            return;
        }
        List<Upserts.Binder> rows = new ArrayList<>(timers.size());
        for (DueTimer timer : timers) {
            String data = JsonData.write(timer.data());
            rows.add(schedule -> {
                schedule.setString(1, timer.id());
                schedule.setString(2, timer.organizationId());
                schedule.setString(3, ExecutionRows.code(timer.kind()));
                schedule.setString(4, timer.targetId());
                Jdbc.setString(schedule, 5, timer.memberId());
                Jdbc.setInstant(schedule, 6, timer.dueAt());
                schedule.setString(7, data);
                Jdbc.setInstant(schedule, 8, timer.dueAt());
            });
        }
        try (PreparedStatement schedule = database.prepare(connection, "timers.schedule")) {
            Upserts.executeBatch(schedule, rows);
        }
    }

    static void cancelForExecution(Database database, Connection connection, String executionId) throws SQLException {
        try (PreparedStatement cancel = database.prepare(connection, "timers.cancel_for_execution")) {
            cancel.setString(1, executionId);
            cancel.executeUpdate();
        }
    }

    static void delete(Database database, Connection connection, List<String> timerIds) throws SQLException {
        if (timerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = database.prepare(connection, "timers.cancel")) {
            for (String id : timerIds) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    static Row read(ResultSet row) throws SQLException {
        DueTimer timer = new DueTimer(Jdbc.string(row, "id"), Jdbc.string(row, "organization_id"),
                ExecutionRows.decode(TimerKind.class, Jdbc.string(row, "kind")), Jdbc.string(row, "target_id"),
                Jdbc.optionalString(row, "member_id"), Jdbc.instant(row, "due_at"),
                JsonData.read(Jdbc.string(row, "data")));
        return new Row(timer, Jdbc.instant(row, "next_at"));
    }

    /** Due EXECUTION timers, moved in (due time, id) order. */
    static DueRows.Query<Row> due(Instant now) {
        return query(statement -> {
            Jdbc.setInstant(statement, 1, now);
            return 2;
        });
    }

    /**
     * Due SCHEDULE timers whose claim, if any, lapsed: {@code now} is the engine's (due times),
     * {@code leaseNow} the lease clock's (see {@link LeaseTimes}).
     */
    static DueRows.Query<Row> dueAndLapsed(Instant now, Instant leaseNow) {
        return query(statement -> {
            Jdbc.setInstant(statement, 1, now);
            Jdbc.setInstant(statement, 2, leaseNow);
            return 3;
        });
    }

    private interface DueBinder {
        int bind(PreparedStatement statement) throws SQLException;
    }

    private static DueRows.Query<Row> query(DueBinder binder) {
        return new DueRows.ByTimeThenId<>() {
            @Override
            public int bindDue(PreparedStatement statement) throws SQLException {
                return binder.bind(statement);
            }

            @Override
            public Row read(ResultSet row) throws SQLException {
                return TimerRows.read(row);
            }

            @Override
            protected Instant at(Row row) {
                return row.nextAt();
            }

            @Override
            protected String id(Row row) {
                return row.timer().id();
            }
        };
    }
}
