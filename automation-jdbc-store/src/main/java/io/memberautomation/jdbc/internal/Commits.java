package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.WorkLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies execution commits. One commit is: the record updated under its revision check, the timers
 * cancelled and scheduled, the log entries inserted in a batch, and the queue entry settled under the
 * lease check, in that order, so every transaction locks an execution's rows in the order the timer mover
 * and the claimers do (execution, timers, queue) and none can deadlock with another. Any refusal rolls the
 * commit back whole. A batch of commits shares one transaction: applied as one JDBC batch per statement
 * ({@link BatchCommit}), or, when one of them is refused, again with each commit inside a savepoint, so a
 * refused one is undone alone and the others still apply.
 *
 * <p>Commits that change members lock those members' rows before anything else ({@link CommitMembers}):
 * no other transaction locks a member row after an execution's, so this order cannot deadlock either. The
 * patches are applied to the rows as locked, and written after the checks, so a refused commit changes no
 * member.
 */
final class Commits {
    private static final Comparator<ExecutionCommit> BY_EXECUTION = Comparator.comparing(c -> c.execution().id());

    private final Database database;

    Commits(Database database) {
        this.database = database;
    }

    List<MemberChange> commit(ExecutionCommit commit) {
        checkLease(commit);
        return database.transaction("committing execution " + commit.execution().id(), connection -> {
            CommitMembers members = CommitMembers.lock(database, connection, List.of(commit));
            if (!members.present(commit)) {
                throw new ConcurrentUpdateException("the member of execution " + commit.execution().id()
                        + " no longer exists");
            }
            apply(connection, commit);
            List<MemberChange> changes = members.apply(commit);
            members.write(database, connection);
            return changes;
        });
    }

    /**
     * Applies the commits in one transaction, as one batch per statement ({@link BatchCommit}); when one of
     * them is refused, again one savepoint per commit, so that only the refused ones are undone.
     *
     * @return one result per commit, in the order given
     */
    List<CommitResult> commitAll(List<ExecutionCommit> commits) {
        commits.forEach(Commits::checkLease);
        if (commits.isEmpty()) {
            return List.of();
        }
        List<ExecutionCommit> ordered = new ArrayList<>(commits);
        ordered.sort(BY_EXECUTION);
        List<CommitResult> results = (batchable(ordered) ? inBatch(ordered) : Optional.<List<CommitResult>>empty())
                .orElseGet(() -> oneByOne(ordered));
        Map<ExecutionCommit, CommitResult> byCommit = new IdentityHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byCommit.put(ordered.get(i), results.get(i));
        }
        List<CommitResult> inOrder = new ArrayList<>(commits.size());
        for (ExecutionCommit commit : commits) {
            inOrder.add(byCommit.get(commit));
        }
        return inOrder;
    }

    /** A batch updates each execution once; two commits of one execution go one by one. */
    private static boolean batchable(List<ExecutionCommit> ordered) {
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).execution().id().equals(ordered.get(i - 1).execution().id())) {
                return false;
            }
        }
        return true;
    }

    /** The batch's results; empty when one of its commits was refused and nothing was kept. */
    private Optional<List<CommitResult>> inBatch(List<ExecutionCommit> ordered) {
        try {
            return Optional.of(database.transaction("committing " + ordered.size() + " executions",
                    connection -> new BatchCommit(database, connection, ordered).apply()));
        } catch (BatchCommit.Refused refused) {
            return Optional.empty();
        }
    }

    private List<CommitResult> oneByOne(List<ExecutionCommit> ordered) {
        return database.transaction("committing " + ordered.size() + " executions", connection -> {
            CommitMembers members = CommitMembers.lock(database, connection, ordered);
            List<CommitResult> results = new ArrayList<>(ordered.size());
            for (ExecutionCommit commit : ordered) {
                String id = commit.execution().id();
                results.add(members.present(commit) && applyInSavepoint(connection, commit)
                        ? CommitResult.applied(id, members.apply(commit)) : CommitResult.refused(id));
            }
            members.write(database, connection);
            return results;
        });
    }

    private boolean applyInSavepoint(Connection connection, ExecutionCommit commit) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            apply(connection, commit);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (ConcurrentUpdateException e) {
            connection.rollback(savepoint);
            return false;
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private void apply(Connection connection, ExecutionCommit commit) throws SQLException {
        ExecutionRecord next = commit.execution();
        try (PreparedStatement update = database.prepare(connection, "executions.update_execution")) {
            ExecutionRows.bindUpdate(update, next, commit.expectedRevision());
            if (update.executeUpdate() == 0) {
                throw refusal(connection, commit);
            }
        }
        if (commit.cancelTimers()) {
            TimerRows.cancelForExecution(database, connection, next.id());
        }
        TimerRows.schedule(database, connection, commit.timers());
        StepLogs.insert(database, connection, commit.stepLogs());
        settleQueue(connection, commit);
    }

    /** The lease check happens here, atomically with the queue change. */
    private void settleQueue(Connection connection, ExecutionCommit commit) throws SQLException {
        ExecutionRecord next = commit.execution();
        Optional<WorkLease> lease = commit.lease();
        Optional<Instant> requeueAt = commit.requeueAt();
        if (lease.isPresent()) {
            if (!QueueRows.settle(database, connection, lease.get(), requeueAt)) {
                throw new ConcurrentUpdateException("the lease on execution " + next.id() + " is no longer current");
            }
        } else if (requeueAt.isPresent()) {
            QueueRows.enqueue(database, connection,
                    List.of(new QueueRows.Entry(next.id(), next.organizationId(), requeueAt.get())));
        }
    }

    /** Why the revision-checked update matched no row: no such execution, a changed identity, or a stale revision. */
    private RuntimeException refusal(Connection connection, ExecutionCommit commit) throws SQLException {
        ExecutionRecord next = commit.execution();
        try (PreparedStatement identity = database.prepare(connection, "executions.identity")) {
            identity.setString(1, next.id());
            try (ResultSet row = identity.executeQuery()) {
                if (!row.next()) {
                    return new ConcurrentUpdateException("no execution " + next.id() + " to commit");
                }
                if (!Jdbc.string(row, "organization_id").equals(next.organizationId())
                        || !Jdbc.string(row, "automation_id").equals(next.automationId())
                        || !Jdbc.optionalString(row, "member_id").equals(next.memberId())
                        || !Jdbc.instant(row, "created_at").equals(Jdbc.stored(next.createdAt()))) {
                    return new IllegalArgumentException("a commit cannot change the identity of execution "
                            + next.id());
                }
                return new ConcurrentUpdateException("execution " + next.id() + " is at revision "
                        + row.getLong("revision") + ", the commit read " + commit.expectedRevision());
            }
        }
    }

    private static void checkLease(ExecutionCommit commit) {
        Objects.requireNonNull(commit, "commit");
        commit.lease().ifPresent(lease -> {
            if (!lease.executionId().equals(commit.execution().id())) {
                throw new IllegalArgumentException("the lease of " + lease.executionId() + " cannot commit "
                        + commit.execution().id());
            }
        });
    }
}
