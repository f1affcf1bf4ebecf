package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentGuard;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.NewExecution;
import io.memberautomation.spi.store.StepLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Applies an {@link Enrollment}, or a batch of them, in one transaction: the event id is recorded (its primary key makes a
 * redelivery a no-op), each guarded member's row in {@code automation_enrollments} is locked in key order
 * (so racing enrollments of the same member queue behind each other and never deadlock), the guards are
 * checked against those rows and the member's unfinished executions, and the admitted executions, their
 * logs and queue entries are written in batches.
 */
final class Enrollments {
    private static final Comparator<GuardKey> KEY_ORDER = Comparator.comparing(GuardKey::organizationId)
            .thenComparing(GuardKey::automationId).thenComparing(GuardKey::memberId);

    private static final Comparator<EventKey> EVENT_ORDER = Comparator.comparing(EventKey::organizationId)
            .thenComparing(EventKey::eventId);

    private record GuardKey(String organizationId, String automationId, String memberId) {}

    private record EventKey(String organizationId, String eventId) {}

    /** The columns of {@code insert_events_arrays}, in its order. */
    private static final ColumnArrays<Map.Entry<EventKey, Instant>> EVENT_ARRAYS =
            new ColumnArrays<Map.Entry<EventKey, Instant>>().text(event -> event.getKey().organizationId())
                    .text(event -> event.getKey().eventId()).instant(Map.Entry::getValue);

    /** The columns of {@code insert_guards_arrays} and {@code lock_guards_arrays}, in their order. */
    private static final ColumnArrays<GuardKey> GUARD_ARRAYS = new ColumnArrays<GuardKey>()
            .text(GuardKey::organizationId).text(GuardKey::automationId).text(GuardKey::memberId);

    /** The columns of {@code update_guards_arrays}, in its order. */
    private static final ColumnArrays<Map.Entry<GuardKey, Instant>> GUARD_UPDATE_ARRAYS =
            new ColumnArrays<Map.Entry<GuardKey, Instant>>().text(guard -> guard.getKey().organizationId())
                    .text(guard -> guard.getKey().automationId()).text(guard -> guard.getKey().memberId())
                    .instant(Map.Entry::getValue);

    /** A locked guard row and what this enrollment added to it. */
    private static final class GuardState {
        @Nullable Instant lastEnrolledAt;
        boolean changed;
        /** Unfinished executions stored before this enrollment; read when a guard first needs it. */
        @Nullable Long stored;
        int admittedUnfinished;
    }

    private final Database database;

    Enrollments(Database database) {
        this.database = database;
    }

    EnrollmentResult enroll(Enrollment enrollment) {
        return enrollAll(List.of(enrollment)).get(0);
    }

    /**
     * Applies the enrollments in one transaction with the outcome of applying them one by one in list order.
     * Every event id is recorded first, in key order, and every guard row is then locked in key order, as one
     * enrollment does, so batches and single enrollments racing each other cannot deadlock.
     */
    List<EnrollmentResult> enrollAll(List<Enrollment> enrollments) {
        if (enrollments.isEmpty()) {
            return List.of();
        }
        enrollments.forEach(Enrollments::checkWellFormed);
        String what = enrollments.size() == 1 ? "enrolling in organization " + enrollments.get(0).organizationId()
                : "enrolling " + enrollments.size() + " events";
        return database.transaction(what, connection -> enrollAll(connection, enrollments));
    }

    private List<EnrollmentResult> enrollAll(Connection connection, List<Enrollment> enrollments)
            throws SQLException {
        Set<EventKey> fresh = recordEvents(connection, enrollments);
        List<Enrollment> admittedEvents = new ArrayList<>(enrollments.size());
        List<Boolean> duplicate = new ArrayList<>(enrollments.size());
        for (Enrollment enrollment : enrollments) {
            boolean isDuplicate = enrollment.eventId().isPresent()
                    && !fresh.remove(new EventKey(enrollment.organizationId(), enrollment.eventId().get()));
            duplicate.add(isDuplicate);
            if (!isDuplicate) {
                admittedEvents.add(enrollment);
            }
        }
        TreeMap<GuardKey, GuardState> guards = lockGuards(connection, admittedEvents);
        List<EnrollmentResult> results = new ArrayList<>(enrollments.size());
        List<NewExecution> admitted = new ArrayList<>();
        List<Instant> receivedAt = new ArrayList<>();
        for (int i = 0; i < enrollments.size(); i++) {
            if (duplicate.get(i)) {
                results.add(new EnrollmentResult(true, List.of(), List.of()));
                continue;
            }
            List<String> created = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (NewExecution candidate : enrollments.get(i).executions()) {
                ExecutionRecord record = candidate.execution();
                Optional<GuardKey> key = guardKey(record);
                if (key.isPresent() && !admit(connection, key.get(),
                        Objects.requireNonNull(guards.get(key.get())), candidate.guard(), record)) {
                    refused.add(record.id());
                    continue;
                }
                admitted.add(candidate);
                receivedAt.add(enrollments.get(i).receivedAt());
                created.add(record.id());
            }
            results.add(new EnrollmentResult(false, created, refused));
        }
        insert(connection, admitted, receivedAt);
        updateGuards(connection, guards);
        return results;
    }

    /** Records the distinct event ids in key order; returns those that were new. */
    private Set<EventKey> recordEvents(Connection connection, List<Enrollment> enrollments) throws SQLException {
        TreeMap<EventKey, Instant> events = new TreeMap<>(EVENT_ORDER);
        for (Enrollment enrollment : enrollments) {
            enrollment.eventId().ifPresent(id ->
                    events.putIfAbsent(new EventKey(enrollment.organizationId(), id), enrollment.receivedAt()));
        }
        Set<EventKey> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        if (database.dialect().writesRowsAsArrays()) {
            try (PreparedStatement insert = database.prepare(connection, "executions.insert_events_arrays")) {
                EVENT_ARRAYS.bind(insert, new ArrayList<>(events.entrySet()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(new EventKey(Jdbc.string(rows, "organization_id"), Jdbc.string(rows, "event_id")));
                    }
                }
            }
            return fresh;
        }
        try (PreparedStatement insert = database.prepare(connection, "executions.insert_event")) {
            for (var event : events.entrySet()) {
                insert.setString(1, event.getKey().organizationId());
                insert.setString(2, event.getKey().eventId());
                Jdbc.setInstant(insert, 3, event.getValue());
                if (Upserts.insertIfAbsent(insert)) {
                    fresh.add(event.getKey());
                }
            }
        }
        return fresh;
    }

    private TreeMap<GuardKey, GuardState> lockGuards(Connection connection, List<Enrollment> enrollments)
            throws SQLException {
        TreeMap<GuardKey, GuardState> guards = new TreeMap<>(KEY_ORDER);
        for (Enrollment enrollment : enrollments) {
            for (NewExecution candidate : enrollment.executions()) {
                guardKey(candidate.execution()).ifPresent(key -> guards.put(key, new GuardState()));
            }
        }
        if (guards.isEmpty()) {
            return guards;
        }
        if (database.dialect().writesRowsAsArrays() && guards.size() > 1) {
            lockGuardsAtOnce(connection, guards);
            return guards;
        }
        try (PreparedStatement insert = database.prepare(connection, "executions.insert_guard");
             PreparedStatement lock = database.prepare(connection, "executions.lock_guard")) {
            for (var entry : guards.entrySet()) {
                bindKey(lock, 1, entry.getKey());
                Optional<Optional<Instant>> locked = lockGuard(lock);
                if (locked.isEmpty()) {
                    bindKey(insert, 1, entry.getKey());
                    Upserts.insertIfAbsent(insert);
                    locked = lockGuard(lock);
                }
                entry.getValue().lastEnrolledAt = locked
                        .orElseThrow(() -> new SQLException("enrollment guard row vanished: " + entry.getKey()))
                        .orElse(null);
            }
        }
        return guards;
    }

    /**
     * Makes the missing guard rows, then locks them all, with one statement each in key order (PostgreSQL,
     * for two guards or more: a single guard's row usually exists, and locking it first costs one statement).
     * The inserts wait only for another transaction's insert of the same key, and both statements go in key
     * order, so this cannot deadlock with another enrollment either.
     */
    private void lockGuardsAtOnce(Connection connection, TreeMap<GuardKey, GuardState> guards) throws SQLException {
        List<GuardKey> keys = new ArrayList<>(guards.keySet());
        try (PreparedStatement insert = database.prepare(connection, "executions.insert_guards_arrays")) {
            GUARD_ARRAYS.bind(insert, keys);
            insert.executeUpdate();
        }
        Set<GuardKey> locked = new HashSet<>();
        try (PreparedStatement lock = database.prepare(connection, "executions.lock_guards_arrays")) {
            GUARD_ARRAYS.bind(lock, keys);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    GuardKey key = new GuardKey(Jdbc.string(rows, "organization_id"), Jdbc.string(rows, "automation_id"),
                            Jdbc.string(rows, "member_id"));
                    GuardState state = guards.get(key);
                    if (state != null && locked.add(key)) {
                        state.lastEnrolledAt = Jdbc.optionalInstant(rows, "last_enrolled_at").orElse(null);
                    }
                }
            }
        }
        for (GuardKey key : keys) {
            if (!locked.contains(key)) {
                throw new SQLException("enrollment guard row vanished: " + key);
            }
        }
    }

    /** Locks a guard row; empty when there is none, else its last enrollment time, if any. */
    private static Optional<Optional<Instant>> lockGuard(PreparedStatement lock) throws SQLException {
        try (ResultSet row = lock.executeQuery()) {
            return row.next() ? Optional.of(Jdbc.optionalInstant(row, "last_enrolled_at")) : Optional.empty();
        }
    }

    /** The in-memory ledger's rule, checked against the locked row. */
    private boolean admit(Connection connection, GuardKey key, GuardState state, EnrollmentGuard guard,
                          ExecutionRecord record) throws SQLException {
        Instant last = state.lastEnrolledAt;
        Instant createdAt = Jdbc.stored(record.createdAt());
        if (last != null && guard.mode() == EnrollmentGuard.Mode.ONCE) {
            return false;
        }
        if (last != null && guard.cooldown().isPresent() && createdAt.isBefore(last.plus(guard.cooldown().get()))) {
            return false;
        }
        if (guard.mode() == EnrollmentGuard.Mode.ONE_AT_A_TIME && unfinished(connection, key, state) > 0) {
            return false;
        }
        state.lastEnrolledAt = last == null || createdAt.isAfter(last) ? createdAt : last;
        state.changed = true;
        if (!record.status().isTerminal()) {
            state.admittedUnfinished++;
        }
        return true;
    }

    private long unfinished(Connection connection, GuardKey key, GuardState state) throws SQLException {
        if (state.stored == null) {
            try (PreparedStatement count = database.prepare(connection, "executions.count_unfinished")) {
                count.setString(1, key.organizationId());
                count.setString(2, key.memberId());
                count.setString(3, key.automationId());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    state.stored = row.getLong(1);
                }
            }
        }
        return state.stored + state.admittedUnfinished;
    }

    private void insert(Connection connection, List<NewExecution> admitted, List<Instant> receivedAt)
            throws SQLException {
        if (admitted.isEmpty()) {
            return;
        }
        List<ExecutionRecord> records = new ArrayList<>(admitted.size());
        List<StepLogEntry> logs = new ArrayList<>();
        List<QueueRows.Entry> queued = new ArrayList<>(admitted.size());
        for (int i = 0; i < admitted.size(); i++) {
            ExecutionRecord record = admitted.get(i).execution();
            records.add(record);
            logs.addAll(admitted.get(i).stepLogs());
            queued.add(new QueueRows.Entry(record.id(), record.organizationId(), receivedAt.get(i)));
        }
        insertExecutions(connection, records);
        StepLogs.insert(database, connection, logs);
        QueueRows.enqueue(database, connection, queued);
    }

    /** One statement over column arrays, or one JDBC batch where the dialect writes rows one by one. */
    private void insertExecutions(Connection connection, List<ExecutionRecord> records) throws SQLException {
        if (database.dialect().writesRowsAsArrays()) {
            try (PreparedStatement insert = database.prepare(connection, "executions.insert_executions_arrays")) {
                ExecutionRows.INSERT_ARRAYS.bind(insert, records);
                insert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = database.prepare(connection, "executions.insert_execution")) {
            for (ExecutionRecord record : records) {
                ExecutionRows.bindInsert(insert, record);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void updateGuards(Connection connection, TreeMap<GuardKey, GuardState> guards) throws SQLException {
        List<Map.Entry<GuardKey, Instant>> changed = new ArrayList<>();
        for (var entry : guards.entrySet()) {
            Instant last = entry.getValue().lastEnrolledAt;
            if (entry.getValue().changed && last != null) {
                changed.add(Map.entry(entry.getKey(), last));
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        if (database.dialect().writesRowsAsArrays()) {
            try (PreparedStatement update = database.prepare(connection, "executions.update_guards_arrays")) {
                GUARD_UPDATE_ARRAYS.bind(update, changed);
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = database.prepare(connection, "executions.update_guard")) {
            for (Map.Entry<GuardKey, Instant> guard : changed) {
                Jdbc.setInstant(update, 1, guard.getValue());
                bindKey(update, 2, guard.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement statement, int index, GuardKey key) throws SQLException {
        statement.setString(index, key.organizationId());
        statement.setString(index + 1, key.automationId());
        statement.setString(index + 2, key.memberId());
    }

    private static Optional<GuardKey> guardKey(ExecutionRecord record) {
        return record.memberId().map(member -> new GuardKey(record.organizationId(), record.automationId(), member));
    }

    /** Refuses what the in-memory store refuses, before touching the database. */
    private static void checkWellFormed(Enrollment enrollment) {
        Set<String> ids = new HashSet<>();
        for (NewExecution candidate : enrollment.executions()) {
            ExecutionRecord record = candidate.execution();
            if (!record.organizationId().equals(enrollment.organizationId())) {
                throw new IllegalArgumentException("execution " + record.id() + " belongs to organization "
                        + record.organizationId() + ", not " + enrollment.organizationId());
            }
            if (!ids.add(record.id())) {
                throw new IllegalArgumentException("execution " + record.id() + " appears twice in one enrollment");
            }
            Set<Integer> sequences = new HashSet<>();
            for (StepLogEntry entry : candidate.stepLogs()) {
                if (!entry.executionId().equals(record.id()) || !sequences.add(entry.sequence())) {
                    throw new IllegalArgumentException("bad step log " + entry.sequence() + " for new execution "
                            + record.id());
                }
            }
        }
    }
}
