package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Claims a batch of outbox rows for one drainer transaction: the first unprocessed rows in id order that
 * no other drainer holds, less any row of a member whose earlier unprocessed row is held elsewhere (or
 * was skipped), so each member's events are handed on in id order even with several drainers.
 */
public final class OutboxBatch {
    /** A claimed row, as read. */
    public record Row(long id, String organizationId, String eventId, String type, Optional<String> memberId,
                      Map<String, Object> payload, Instant occurredAt, Instant createdAt) {}

    private record MemberKey(String organizationId, String memberId) {}

    private static final DueRows.Query<Row> UNPROCESSED = new DueRows.Query<>() {
        @Override
        public int bindDue(PreparedStatement statement) {
            return 1;
        }

        @Override
        public int bindAfter(PreparedStatement statement, int index, @Nullable Row last) throws SQLException {
            statement.setLong(index, last == null ? Long.MIN_VALUE : last.id());
            return index + 1;
        }

        @Override
        public void bindKey(PreparedStatement statement, int index, Row row) throws SQLException {
            statement.setLong(index, row.id());
        }

        @Override
        public Row read(ResultSet row) throws SQLException {
            return new Row(row.getLong("id"), Jdbc.string(row, "organization_id"), Jdbc.string(row, "event_id"),
                    Jdbc.string(row, "type"), Jdbc.optionalString(row, "member_id"),
                    JsonData.readPlain(Jdbc.string(row, "payload")), Jdbc.instant(row, "occurred_at"),
                    Jdbc.instant(row, "created_at"));
        }
    };

    private OutboxBatch() {}

    /** Locks and returns the rows this drainer may hand on now, in id order. */
    public static List<Row> claim(Database database, Connection connection, int limit) throws SQLException {
        List<Row> locked = DueRows.lock(database, connection, "outbox.claim", limit, UNPROCESSED);
        if (locked.isEmpty()) {
            return locked;
        }
        Set<Long> mayGo = inMemberOrder(database, connection, locked);
        List<Row> claimed = new ArrayList<>(locked.size());
        for (Row row : locked) {
            if (row.memberId().isEmpty() || mayGo.contains(row.id())) {
                claimed.add(row);
            }
        }
        return claimed;
    }

    /** Marks the rows processed, in the claiming transaction. */
    public static void markProcessed(Database database, Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = database.prepare(connection, "outbox.mark_processed")) {
            for (long id : ids) {
                mark.setLong(1, id);
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /**
     * The locked member rows that may go: walking every unprocessed member row up to the last locked id,
     * a member's rows go while they are ours, and stop at the first that is not.
     */
    private static Set<Long> inMemberOrder(Database database, Connection connection, List<Row> locked)
            throws SQLException {
        Set<Long> ours = new HashSet<>();
        locked.forEach(row -> ours.add(row.id()));
        Set<MemberKey> blocked = new HashSet<>();
        Set<Long> mayGo = new HashSet<>();
        try (PreparedStatement pending = database.prepare(connection, "outbox.pending_up_to")) {
            pending.setLong(1, locked.get(locked.size() - 1).id());
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    MemberKey member = new MemberKey(rows.getString("organization_id"), rows.getString("member_id"));
                    if (blocked.contains(member)) {
                        continue;
                    }
                    if (ours.contains(id)) {
                        mayGo.add(id);
                    } else {
                        blocked.add(member);
                    }
                }
            }
        }
        return mayGo;
    }
}
