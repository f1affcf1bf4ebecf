package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.member.Member;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * The member table's row operations, run inside a caller's transaction: the member directory's own, and an
 * execution commit's when it changes members with its step records.
 */
public final class MemberRows {
    private MemberRows() {}

    /** Reads the member and locks its row until the transaction ends. */
    public static Optional<Member> lock(Database database, Connection connection, String organizationId,
                                        String memberId) throws SQLException {
        try (PreparedStatement lock = database.prepare(connection, "members.lock")) {
            lock.setString(1, organizationId);
            lock.setString(2, memberId);
            return first(lock);
        }
    }

    /** Writes the members' fields, in one batch. */
    public static void update(Database database, Connection connection, Collection<Member> members)
            throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement update = database.prepare(connection, "members.update")) {
            for (Member member : members) {
                update.setString(1, JsonData.write(member.fields()));
                update.setString(2, member.organizationId());
                update.setString(3, member.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    public static Optional<Member> first(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
    }

    public static Member read(ResultSet row) throws SQLException {
        return new Member(Jdbc.string(row, "id"), Jdbc.string(row, "organization_id"),
                JsonData.read(Jdbc.string(row, "fields")));
    }
}
