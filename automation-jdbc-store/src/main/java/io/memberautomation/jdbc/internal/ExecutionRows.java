package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;

/** Maps executions and step log entries to and from their rows. Enum values are stored in lower case. */
final class ExecutionRows {
    /** The columns of {@code insert_executions_arrays}, in its order (those of {@code insert_execution}). */
    static final ColumnArrays<ExecutionRecord> INSERT_ARRAYS = new ColumnArrays<ExecutionRecord>()
            .text(ExecutionRecord::id).text(ExecutionRecord::organizationId).text(ExecutionRecord::automationId)
            .integer(ExecutionRecord::automationVersion).optionalText(ExecutionRecord::memberId)
            .text(record -> code(record.status())).optionalText(record -> record.outcome().map(ExecutionRows::code))
            .text(record -> JsonData.write(record.trigger())).text(record -> BranchesJson.write(record.branches()))
            .text(record -> JsonData.write(record.stepOutputs())).integer(ExecutionRecord::stepsRun)
            .integer(ExecutionRecord::logCount).integer(ExecutionRecord::causalDepth).bool(ExecutionRecord::userPaused)
            .optionalText(ExecutionRecord::error).instant(ExecutionRecord::createdAt)
            .instant(ExecutionRecord::updatedAt).optionalInstant(ExecutionRecord::endedAt)
            .bigint(ExecutionRecord::revision);

    /** The columns of {@code insert_step_logs_arrays}, in its order. */
    static final ColumnArrays<StepLogEntry> STEP_LOG_ARRAYS = new ColumnArrays<StepLogEntry>()
            .text(StepLogEntry::executionId).integer(StepLogEntry::sequence).text(StepLogEntry::stepId)
            .text(StepLogEntry::branchId).integer(StepLogEntry::attempt).text(entry -> code(entry.status()))
            .instant(StepLogEntry::startedAt).instant(StepLogEntry::endedAt)
            .text(entry -> JsonData.write(entry.detail())).optionalText(StepLogEntry::error);

    /**
     * The columns of {@code update_executions_arrays}, in its order: what {@code update_execution} checks (the
     * execution, the revision read, the identity), then the new state.
     */
    static final ColumnArrays<ExecutionCommit> UPDATE_ARRAYS = new ColumnArrays<ExecutionCommit>()
            .text(commit -> commit.execution().id()).bigint(ExecutionCommit::expectedRevision)
            .text(commit -> commit.execution().organizationId()).text(commit -> commit.execution().automationId())
            .optionalText(commit -> commit.execution().memberId()).instant(commit -> commit.execution().createdAt())
            .integer(commit -> commit.execution().automationVersion())
            .text(commit -> code(commit.execution().status()))
            .optionalText(commit -> commit.execution().outcome().map(ExecutionRows::code))
            .text(commit -> JsonData.write(commit.execution().trigger()))
            .text(commit -> BranchesJson.write(commit.execution().branches()))
            .text(commit -> JsonData.write(commit.execution().stepOutputs()))
            .integer(commit -> commit.execution().stepsRun()).integer(commit -> commit.execution().logCount())
            .integer(commit -> commit.execution().causalDepth()).bool(commit -> commit.execution().userPaused())
            .optionalText(commit -> commit.execution().error()).instant(commit -> commit.execution().updatedAt())
            .optionalInstant(commit -> commit.execution().endedAt()).bigint(commit -> commit.execution().revision());

    private ExecutionRows() {}

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E decode(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    }

    /** Binds every column of {@code insert_execution}, in its order. */
    static void bindInsert(PreparedStatement insert, ExecutionRecord record) throws SQLException {
        insert.setString(1, record.id());
        insert.setString(2, record.organizationId());
        insert.setString(3, record.automationId());
        insert.setInt(4, record.automationVersion());
        Jdbc.setString(insert, 5, record.memberId());
        int next = bindState(insert, 6, record);
        Jdbc.setInstant(insert, next, record.createdAt());
        Jdbc.setInstant(insert, next + 1, record.updatedAt());
        Jdbc.setInstant(insert, next + 2, record.endedAt());
        insert.setLong(next + 3, record.revision());
    }

    /**
     * Binds {@code update_execution}: the new state, then the revision read and the identity the commit
     * may not change.
     */
    static void bindUpdate(PreparedStatement update, ExecutionRecord next, long expectedRevision) throws SQLException {
        update.setInt(1, next.automationVersion());
        int index = bindState(update, 2, next);
        Jdbc.setInstant(update, index, next.updatedAt());
        Jdbc.setInstant(update, index + 1, next.endedAt());
        update.setLong(index + 2, next.revision());
        update.setString(index + 3, next.id());
        update.setLong(index + 4, expectedRevision);
        update.setString(index + 5, next.organizationId());
        update.setString(index + 6, next.automationId());
        Jdbc.setString(update, index + 7, next.memberId());
        Jdbc.setInstant(update, index + 8, next.createdAt());
    }

    /** Status through error message, the columns both statements share; returns the next index. */
    private static int bindState(PreparedStatement statement, int from, ExecutionRecord record) throws SQLException {
        statement.setString(from, code(record.status()));
        Jdbc.setString(statement, from + 1, record.outcome().map(ExecutionRows::code));
        statement.setString(from + 2, JsonData.write(record.trigger()));
        statement.setString(from + 3, BranchesJson.write(record.branches()));
        statement.setString(from + 4, JsonData.write(record.stepOutputs()));
        statement.setInt(from + 5, record.stepsRun());
        statement.setInt(from + 6, record.logCount());
        statement.setInt(from + 7, record.causalDepth());
        statement.setBoolean(from + 8, record.userPaused());
        Jdbc.setString(statement, from + 9, record.error());
        return from + 10;
    }

    static ExecutionRecord read(ResultSet row) throws SQLException {
        return new ExecutionRecord(Jdbc.string(row, "id"), Jdbc.string(row, "organization_id"),
                Jdbc.string(row, "automation_id"), row.getInt("automation_version"),
                Jdbc.optionalString(row, "member_id"), decode(ExecutionStatus.class, Jdbc.string(row, "status")),
                Jdbc.optionalString(row, "outcome").map(code -> decode(ExecutionOutcome.class, code)),
                JsonData.read(Jdbc.string(row, "trigger")), BranchesJson.read(Jdbc.string(row, "branches")),
                JsonData.read(Jdbc.string(row, "step_outputs")), row.getInt("steps_run"), row.getInt("log_count"),
                row.getInt("causal_depth"), Jdbc.optionalString(row, "error_message"), row.getBoolean("user_paused"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"),
                Jdbc.optionalInstant(row, "completed_at"), row.getLong("revision"));
    }

    static void bindStepLog(PreparedStatement insert, StepLogEntry entry) throws SQLException {
        insert.setString(1, entry.executionId());
        insert.setInt(2, entry.sequence());
        insert.setString(3, entry.stepId());
        insert.setString(4, entry.branchId());
        insert.setInt(5, entry.attempt());
        insert.setString(6, code(entry.status()));
        Jdbc.setInstant(insert, 7, entry.startedAt());
        Jdbc.setInstant(insert, 8, entry.endedAt());
        insert.setString(9, JsonData.write(entry.detail()));
        if (entry.error().isPresent()) {
            insert.setString(10, entry.error().get());
        } else {
            insert.setNull(10, Types.VARCHAR);
        }
    }

    static StepLogEntry readStepLog(ResultSet row) throws SQLException {
        return new StepLogEntry(Jdbc.string(row, "execution_id"), row.getInt("sequence"), Jdbc.string(row, "step_id"),
                Jdbc.string(row, "branch_id"), row.getInt("attempt"),
                decode(StepStatus.class, Jdbc.string(row, "status")),
                Jdbc.instant(row, "started_at"), Jdbc.instant(row, "completed_at"),
                JsonData.read(Jdbc.string(row, "detail")), Optional.ofNullable(row.getString("error_message")));
    }
}
