package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.WorkLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of commits applied with one JDBC batch per statement: every execution update, then every timer
 * cancel and schedule, every log entry, every queue change, then the members, in that order, which is the
 * lock order of a single commit ({@link Commits}) taken over the whole batch. Each commit's checks still
 * hold one by one, read from the batch's update counts: a revision that moved on, a lease no longer current,
 * a log sequence written before or a member gone makes the whole batch {@link Refused}, and the caller rolls
 * it back and applies the commits one savepoint at a time to learn which were refused. Refusals are rare
 * (a pause, a cancel or another node racing a worker), so the usual batch costs one round trip per statement.
 */
final class BatchCommit {
    /** Some commit of the batch was refused; nothing of the batch may be kept. */
    static final class Refused extends RuntimeException {
        Refused() {
            super("a commit of the batch was refused", null, false, false);
        }
    }

    private final Database database;
    private final Connection connection;
    private final List<ExecutionCommit> ordered;

    /** @param ordered the commits in execution id order, at most one per execution */
    BatchCommit(Database database, Connection connection, List<ExecutionCommit> ordered) {
        this.database = database;
        this.connection = connection;
        this.ordered = ordered;
    }

    /** @return one result per commit, in the order given to the constructor */
    List<CommitResult> apply() throws SQLException {
        CommitMembers members = CommitMembers.lock(database, connection, ordered);
        for (ExecutionCommit commit : ordered) {
            if (!members.present(commit)) {
                throw new Refused();
            }
        }
        try {
            updateExecutions();
            updateTimers();
            insertLogs();
            settleQueue();
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new Refused();
            }
            throw e;
        }
        List<CommitResult> results = new ArrayList<>(ordered.size());
        for (ExecutionCommit commit : ordered) {
            results.add(CommitResult.applied(commit.execution().id(), members.apply(commit)));
        }
        members.write(database, connection);
        return results;
    }

    private void updateExecutions() throws SQLException {
        if (database.dialect().writesRowsAsArrays()) {
            try (PreparedStatement update = database.prepare(connection, "executions.update_executions_arrays")) {
                ExecutionRows.UPDATE_ARRAYS.bind(update, ordered);
                if (update.executeUpdate() != ordered.size()) {
                    throw new Refused();
                }
            }
            return;
        }
        try (PreparedStatement update = database.prepare(connection, "executions.update_execution")) {
            for (ExecutionCommit commit : ordered) {
                ExecutionRows.bindUpdate(update, commit.execution(), commit.expectedRevision());
                update.addBatch();
            }
            requireEveryRow(update.executeBatch());
        }
    }

    private void updateTimers() throws SQLException {
        List<DueTimer> timers = new ArrayList<>();
        try (PreparedStatement cancel = database.prepare(connection, "timers.cancel_for_execution")) {
            boolean any = false;
            for (ExecutionCommit commit : ordered) {
                if (commit.cancelTimers()) {
                    cancel.setString(1, commit.execution().id());
                    cancel.addBatch();
                    any = true;
                }
                timers.addAll(commit.timers());
            }
            if (any) {
                cancel.executeBatch();
            }
        }
        TimerRows.schedule(database, connection, timers);
    }

    private void insertLogs() throws SQLException {
        List<StepLogEntry> entries = new ArrayList<>();
        for (ExecutionCommit commit : ordered) {
            entries.addAll(commit.stepLogs());
        }
        StepLogs.insert(database, connection, entries);
    }

    /**
     * Completes the leases with nothing re-queued meanwhile, then lets go of the others (re-queued during the
     * lease, or asking to be run again at a time); every lease must match its row. Commits without a lease
     * that ask to be run again are enqueued.
     */
    private void settleQueue() throws SQLException {
        List<WorkLease> completing = new ArrayList<>();
        List<ExecutionCommit> requeueing = new ArrayList<>();
        List<QueueRows.Entry> enqueued = new ArrayList<>();
        for (ExecutionCommit commit : ordered) {
            if (commit.lease().isPresent() && commit.requeueAt().isEmpty()) {
                completing.add(commit.lease().get());
            } else if (commit.lease().isPresent()) {
                requeueing.add(commit);
            } else if (commit.requeueAt().isPresent()) {
                enqueued.add(new QueueRows.Entry(commit.execution().id(), commit.execution().organizationId(),
                        commit.requeueAt().get()));
            }
        }
        List<WorkLease> releasing = new ArrayList<>();
        List<Optional<Instant>> releaseAt = new ArrayList<>();
        if (!completing.isEmpty()) {
            List<Boolean> deleted = deleteCompleted(completing);
            for (int i = 0; i < completing.size(); i++) {
                if (!deleted.get(i)) {
                    releasing.add(completing.get(i));
                    releaseAt.add(Optional.empty());
                }
            }
        }
        for (ExecutionCommit commit : requeueing) {
            releasing.add(commit.lease().orElseThrow());
            releaseAt.add(commit.requeueAt());
        }
        if (!releasing.isEmpty()) {
            try (PreparedStatement requeue = database.prepare(connection, "queue.settle_requeue")) {
                for (int i = 0; i < releasing.size(); i++) {
                    Instant at = releaseAt.get(i).orElse(Jdbc.LATEST);
                    Jdbc.setInstant(requeue, 1, at);
                    Jdbc.setInstant(requeue, 2, at);
                    QueueRows.bindLease(requeue, 3, releasing.get(i));
                    requeue.addBatch();
                }
                requireEveryRow(requeue.executeBatch());
            }
        }
        QueueRows.enqueue(database, connection, enqueued);
    }

    /** Deletes the rows of the completed leases with nothing re-queued meanwhile; says which it deleted. */
    private List<Boolean> deleteCompleted(List<WorkLease> completing) throws SQLException {
        List<Boolean> deleted = new ArrayList<>(completing.size());
        if (database.dialect().writesRowsAsArrays()) {
            Set<String> gone = new HashSet<>();
            try (PreparedStatement delete = database.prepare(connection, "queue.settle_delete_arrays")) {
                QueueRows.LEASE_ARRAYS.bind(delete, completing);
                try (ResultSet rows = delete.executeQuery()) {
                    while (rows.next()) {
                        gone.add(rows.getString(1));
                    }
                }
            }
            completing.forEach(lease -> deleted.add(gone.contains(lease.executionId())));
            return deleted;
        }
        try (PreparedStatement delete = database.prepare(connection, "queue.settle_delete")) {
            for (WorkLease lease : completing) {
                QueueRows.bindLease(delete, 1, lease);
                delete.addBatch();
            }
            for (int count : delete.executeBatch()) {
                requireKnown(count);
                deleted.add(count > 0);
            }
        }
        return deleted;
    }

    /** Every statement of the batch changed its row; a count the driver does not report is not trusted. */
    private static void requireEveryRow(int[] counts) {
        for (int count : counts) {
            if (count < 1) {
                throw new Refused();
            }
        }
    }

    private static void requireKnown(int count) {
        if (count < 0) {
            throw new Refused();
        }
    }
}
