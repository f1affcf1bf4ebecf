package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.StepLogEntry;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Executions in {@code automation_executions} and their logs in {@code automation_step_logs}. Enrollments
 * and commits are single transactions ({@link Enrollments}, {@link Commits}); {@link #commitAll} applies a
 * whole batch in one transaction. Commits apply their member updates to {@code automation_members} in
 * their own transaction. Queries page in (creation time, id) order through one of four fixed
 * statements, chosen by which of automation and member the query names.
 */
public final class JdbcExecutionStore implements ExecutionStore {
    private static final int STATUS_SLOTS = ExecutionStatus.values().length;

    private final Database database;
    private final Enrollments enrollments;
    private final Commits commits;

    public JdbcExecutionStore(Database database) {
        this.database = database;
        this.enrollments = new Enrollments(database);
        this.commits = new Commits(database);
    }

    @Override
    public EnrollmentResult enroll(Enrollment enrollment) {
        return enrollments.enroll(enrollment);
    }

    /** One transaction for the whole batch; see {@link Enrollments#enrollAll}. */
    @Override
    public List<EnrollmentResult> enrollAll(List<Enrollment> batch) {
        return enrollments.enrollAll(batch);
    }

    @Override
    public List<MemberChange> commit(ExecutionCommit commit) {
        return commits.commit(commit);
    }

    @Override
    public List<CommitResult> commitAll(List<ExecutionCommit> batch) {
        return commits.commitAll(batch);
    }

    @Override
    public Optional<ExecutionRecord> find(String executionId) {
        return database.read("reading execution " + executionId, connection -> {
            try (PreparedStatement find = database.prepare(connection, "executions.find")) {
                find.setString(1, executionId);
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(ExecutionRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ExecutionRecord> findAll(Collection<String> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        return database.read("reading " + executionIds.size() + " executions", connection -> {
            try (PreparedStatement find = database.prepare(connection, "executions.find_all")) {
                Array ids = connection.createArrayOf("VARCHAR", executionIds.toArray());
                try {
                    find.setArray(1, ids);
                    return readAll(find);
                } finally {
                    ids.free();
                }
            }
        });
    }

    @Override
    public List<StepLogEntry> stepLogs(String executionId) {
        return database.read("reading the step log of " + executionId, connection -> {
            List<StepLogEntry> entries = new ArrayList<>();
            try (PreparedStatement logs = database.prepare(connection, "executions.step_logs")) {
                logs.setString(1, executionId);
                try (ResultSet rows = logs.executeQuery()) {
                    while (rows.next()) {
                        entries.add(ExecutionRows.readStepLog(rows));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public ExecutionPage query(ExecutionQuery query) {
        Optional<ExecutionCursor> after = query.cursor().map(ExecutionCursor::decode);
        return database.read("querying executions", connection -> {
            try (PreparedStatement select = database.prepare(connection, statementFor(query))) {
                bindQuery(select, query, after);
                List<ExecutionRecord> page = readAll(select);
                if (page.size() <= query.limit()) {
                    return new ExecutionPage(page, Optional.empty());
                }
                ExecutionRecord last = page.get(query.limit() - 1);
                return new ExecutionPage(page.subList(0, query.limit()),
                        Optional.of(new ExecutionCursor(last.createdAt(), last.id()).encode()));
            }
        });
    }

    @Override
    public List<ExecutionRecord> findUnfinished(String organizationId, String memberId) {
        return database.read("reading the unfinished executions of member " + memberId, connection -> {
            try (PreparedStatement select = database.prepare(connection, "executions.find_unfinished")) {
                select.setString(1, organizationId);
                select.setString(2, memberId);
                return readAll(select);
            }
        });
    }

    private static String statementFor(ExecutionQuery query) {
        if (query.memberId().isPresent()) {
            return query.automationId().isPresent() ? "executions.query_member_automation" : "executions.query_member";
        }
        return query.automationId().isPresent() ? "executions.query_automation" : "executions.query_organization";
    }

    /** Binds the statement {@link #statementFor} chose: its leading filters, then the shared tail. */
    private static void bindQuery(PreparedStatement select, ExecutionQuery query, Optional<ExecutionCursor> after)
            throws SQLException {
        int index = 1;
        select.setString(index++, query.organizationId());
        if (query.memberId().isPresent()) {
            select.setString(index++, query.memberId().get());
        }
        if (query.automationId().isPresent()) {
            select.setString(index++, query.automationId().get());
        }
        Jdbc.setInstant(select, index++, query.createdFrom().orElse(Jdbc.EARLIEST));
        Jdbc.setInstant(select, index++, query.createdBefore().orElse(Jdbc.LATEST));
        Jdbc.setInstant(select, index++, after.map(ExecutionCursor::createdAt).orElse(Jdbc.EARLIEST));
        Jdbc.setInstant(select, index++, after.map(ExecutionCursor::createdAt).orElse(Jdbc.EARLIEST));
        select.setString(index++, after.map(ExecutionCursor::id).orElse(""));
        List<ExecutionStatus> statuses = query.statuses().isEmpty() ? List.of(ExecutionStatus.values())
                : List.copyOf(query.statuses());
        for (int slot = 0; slot < STATUS_SLOTS; slot++) {
            select.setString(index++, ExecutionRows.code(statuses.get(slot % statuses.size())));
        }
        select.setInt(index, query.limit() + 1);
    }

    private static List<ExecutionRecord> readAll(PreparedStatement select) throws SQLException {
        List<ExecutionRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(ExecutionRows.read(rows));
            }
        }
        return records;
    }
}
