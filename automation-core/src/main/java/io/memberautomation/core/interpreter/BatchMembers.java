package io.memberautomation.core.interpreter;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.ExecutionRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members of a batch of executions, read with one {@link MemberDirectory#findAll} per organization
 * before the batch's passes run. A pass whose changes went through the directory leaves the member as it
 * changed it, so a later pass of the batch for the same member sees the change as it would have read it.
 */
final class BatchMembers {
    private record Key(String organizationId, String memberId) {}

    private final Map<Key, Member> members;

    private BatchMembers(Map<Key, Member> members) {
        this.members = members;
    }

    static BatchMembers read(MemberDirectory directory, Collection<ExecutionRecord> executions) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (ExecutionRecord execution : executions) {
            execution.memberId().ifPresent(id ->
                    wanted.computeIfAbsent(execution.organizationId(), org -> new LinkedHashSet<>()).add(id));
        }
        Map<Key, Member> found = new HashMap<>();
        wanted.forEach((organizationId, ids) -> {
            for (Member member : directory.findAll(organizationId, ids)) {
                if (member.organizationId().equals(organizationId)) {
                    found.put(new Key(organizationId, member.id()), member);
                }
            }
        });
        return new BatchMembers(found);
    }

    /** The execution's member; empty when it has none or the member does not exist. */
    Optional<Member> of(ExecutionRecord execution) {
        return execution.memberId().map(id -> members.get(new Key(execution.organizationId(), id)));
    }

    void changed(Member member) {
        members.put(new Key(member.organizationId(), member.id()), member);
    }
}
