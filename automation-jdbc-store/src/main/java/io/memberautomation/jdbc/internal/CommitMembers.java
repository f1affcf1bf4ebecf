package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.MemberUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The members that a transaction's commits change. Their rows are locked first, in (organization, id)
 * order, so that two transactions changing overlapping members lock them in the same order and cannot
 * deadlock; each commit's patches are then applied to the members as locked (and as changed by the commits
 * before it), and the rows written once at the end, after every commit's revision and lease checks.
 */
final class CommitMembers {
    private record Key(String organizationId, String memberId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byOrganization = organizationId.compareTo(other.organizationId);
            return byOrganization != 0 ? byOrganization : memberId.compareTo(other.memberId);
        }
    }

    private final Map<Key, Optional<Member>> locked;
    private final Map<Key, Member> changed = new LinkedHashMap<>();

    private CommitMembers(Map<Key, Optional<Member>> locked) {
        this.locked = locked;
    }

    /** Locks the members the commits change; nothing when none does. */
    static CommitMembers lock(Database database, Connection connection, List<ExecutionCommit> commits)
            throws SQLException {
        Map<Key, Optional<Member>> rows = new TreeMap<>();
        for (ExecutionCommit commit : commits) {
            for (MemberUpdate update : commit.memberUpdates()) {
                rows.put(new Key(update.organizationId(), update.memberId()), Optional.empty());
            }
        }
        for (Map.Entry<Key, Optional<Member>> row : rows.entrySet()) {
            row.setValue(MemberRows.lock(database, connection, row.getKey().organizationId(), row.getKey().memberId()));
        }
        return new CommitMembers(rows);
    }

    /** Whether every member the commit changes exists. */
    boolean present(ExecutionCommit commit) {
        for (MemberUpdate update : commit.memberUpdates()) {
            if (current(new Key(update.organizationId(), update.memberId())).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies the commit's patches, in order, to the members as they now stand; call once its other writes
     * succeeded. Requires {@link #present}.
     */
    List<MemberChange> apply(ExecutionCommit commit) {
        if (commit.memberUpdates().isEmpty()) {
            return List.of();
        }
        List<MemberChange> applied = new ArrayList<>(commit.memberUpdates().size());
        for (MemberUpdate update : commit.memberUpdates()) {
            Key key = new Key(update.organizationId(), update.memberId());
            Member before = current(key).orElseThrow();
            Member after = update.patch().applyTo(before);
            if (after != before) {
                changed.put(key, after);
            }
            applied.add(new MemberChange(Optional.of(before), after));
        }
        return applied;
    }

    /** Writes the members the applied commits changed. */
    void write(Database database, Connection connection) throws SQLException {
        MemberRows.update(database, connection, changed.values());
    }

    private Optional<Member> current(Key key) {
        Member latest = changed.get(key);
        return latest != null ? Optional.of(latest) : locked.getOrDefault(key, Optional.empty());
    }
}
