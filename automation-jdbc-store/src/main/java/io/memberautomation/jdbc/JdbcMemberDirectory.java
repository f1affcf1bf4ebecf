package io.memberautomation.jdbc;

import io.memberautomation.jdbc.internal.Database;
import io.memberautomation.jdbc.internal.JsonData;
import io.memberautomation.jdbc.internal.MemberRows;
import io.memberautomation.jdbc.internal.Upserts;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.member.UnknownMemberException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link MemberDirectory} over one table, for hosts that let the engine keep their members (or mirror
 * them into it). The table, created by the schema scripts:
 *
 * <pre>{@code
 * automation_members (
 *     organization_id VARCHAR(255) NOT NULL,   -- the tenant
 *     id              VARCHAR(255) NOT NULL,   -- the member's id within it
 *     fields          JSONB NOT NULL,          -- every field, as one JSON object (CHARACTER VARYING on H2)
 *     updated_at      TIMESTAMPTZ NOT NULL,    -- the database's time of the last change
 *     PRIMARY KEY (organization_id, id))
 * }</pre>
 *
 * <p>{@code fields} holds the member's fields as one JSON object; tags and segments are string arrays
 * under {@code "tags"} and {@code "segments"}. A host may write plain JSON there: strings, booleans, arrays
 * and objects read as such, and numbers read as {@code BigDecimal}, as everywhere in the engine's JSON.
 * Other Java types are written by this directory as one-key objects that name them, e.g.
 * {@code {"$date": "2031-01-01"}} for a {@code LocalDate} or {@code {"$int": 3}} for an {@code Integer},
 * and a host may write those too; a field name starting with {@code $} is stored with one more {@code $}.
 *
 * <p>A patch locks the member's row ({@code SELECT ... FOR UPDATE}), applies the change and writes it in
 * one transaction, so concurrent patches of one member all take effect and each caller sees the exact
 * before and after of its own change. Pages are in ascending id order (code point order on PostgreSQL,
 * whose column uses the "C" collation), and a page starts after the previous page's last id, so a member
 * added during paging is seen at most once.
 *
 * <p>The directory of a {@link JdbcPersistence} ({@link JdbcPersistence#memberDirectory()}) is also its
 * {@linkplain JdbcPersistence#transactionalMembers() transactional directory}: given to the engine, the tag,
 * field and segment changes of member actions are applied by the commit that records their step, under the
 * same row lock, in the same transaction.
 */
public final class JdbcMemberDirectory implements MemberDirectory {
    private final Database database;

    JdbcMemberDirectory(Database database) {
        this.database = database;
    }

    /** A directory over {@code automation_members} of the database behind {@code dataSource}. */
    public static JdbcMemberDirectory of(DataSource dataSource) {
        return new JdbcMemberDirectory(Database.open(Objects.requireNonNull(dataSource, "dataSource")));
    }

    /**
     * Creates or replaces a member, as a host does when its own records change.
     *
     * @return the member before (empty when new) and after, for reporting the change to the engine
     */
    public MemberChange put(Member member) {
        Objects.requireNonNull(member, "member");
        return database.transaction("storing member " + member.id(), connection -> {
            Optional<Member> before = lock(connection, member.organizationId(), member.id());
            if (before.isEmpty()) {
                try (PreparedStatement insert = database.prepare(connection, "members.insert")) {
                    insert.setString(1, member.organizationId());
                    insert.setString(2, member.id());
                    insert.setString(3, JsonData.write(member.fields()));
                    if (Upserts.insertIfAbsent(insert)) {
                        return new MemberChange(Optional.empty(), member);
                    }
                }
                before = lock(connection, member.organizationId(), member.id());
            }
            update(connection, member);
            return new MemberChange(before, member);
        });
    }

    /** Removes a member; returns it, or empty when there was none. */
    public Optional<Member> remove(String organizationId, String memberId) {
        return database.transaction("removing member " + memberId, connection -> {
            Optional<Member> before = lock(connection, organizationId, memberId);
            if (before.isPresent()) {
                try (PreparedStatement delete = database.prepare(connection, "members.delete")) {
                    delete.setString(1, organizationId);
                    delete.setString(2, memberId);
                    delete.executeUpdate();
                }
            }
            return before;
        });
    }

    @Override
    public Optional<Member> find(String organizationId, String memberId) {
        return database.read("reading member " + memberId, connection -> {
            try (PreparedStatement find = database.prepare(connection, "members.find")) {
                find.setString(1, organizationId);
                find.setString(2, memberId);
                return first(find);
            }
        });
    }

    @Override
    public List<Member> findAll(String organizationId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return database.read("reading " + memberIds.size() + " members", connection -> {
            try (PreparedStatement find = database.prepare(connection, "members.find_all")) {
                Array ids = connection.createArrayOf("VARCHAR", new LinkedHashSet<>(memberIds).toArray());
                try {
                    find.setArray(1, ids);
                    find.setString(2, organizationId);
                    List<Member> members = new ArrayList<>(memberIds.size());
                    try (ResultSet rows = find.executeQuery()) {
                        while (rows.next()) {
                            members.add(member(rows));
                        }
                    }
                    return members;
                } finally {
                    ids.free();
                }
            }
        });
    }

    @Override
    public MemberChange apply(String organizationId, String memberId, MemberPatch patch) {
        Objects.requireNonNull(patch, "patch");
        return database.transaction("changing member " + memberId, connection -> {
            Member before = lock(connection, organizationId, memberId)
                    .orElseThrow(() -> new UnknownMemberException(organizationId, memberId));
            Member after = patch.applyTo(before);
            if (after != before) {
                update(connection, after);
            }
            return new MemberChange(Optional.of(before), after);
        });
    }

    @Override
    public MemberPage page(String organizationId, Optional<String> cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return database.read("paging members", connection -> {
            List<Member> members = new ArrayList<>(Math.min(limit, 1024) + 1);
            try (PreparedStatement page = database.prepare(connection, "members.page")) {
                page.setString(1, organizationId);
                page.setString(2, cursor.orElse(""));
                page.setInt(3, limit + 1);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        members.add(member(rows));
                    }
                }
            }
            if (members.size() <= limit) {
                return new MemberPage(members, Optional.empty());
            }
            List<Member> firstPage = members.subList(0, limit);
            return new MemberPage(firstPage, Optional.of(firstPage.get(limit - 1).id()));
        });
    }

    private Optional<Member> lock(Connection connection, String organizationId, String memberId) throws SQLException {
        return MemberRows.lock(database, connection, organizationId, memberId);
    }

    private void update(Connection connection, Member member) throws SQLException {
        MemberRows.update(database, connection, List.of(member));
    }

    private static Optional<Member> first(PreparedStatement query) throws SQLException {
        return MemberRows.first(query);
    }

    private static Member member(ResultSet row) throws SQLException {
        return MemberRows.read(row);
    }
}
