package io.memberautomation.core.store;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.member.UnknownMemberException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Members in memory, per organization in id order. The default directory of a host that has not plugged
 * in its own, and the one tests and the {@code simulate} tool seed with {@link #put(Member)}.
 *
 * <p>Thread-safe. A patch is applied with compare-and-set on the member, so concurrent patches of one
 * member all take effect (a hundred threads each adding a tag leave a hundred tags) and each caller gets
 * the exact before and after of its own change. Tags and segments are list fields ({@code tags},
 * {@code segments}) in the order they were added, without duplicates; tags added by one patch are
 * appended in their natural order.
 */
public final class InMemoryMemberDirectory implements MemberDirectory {
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Member>> organizations =
            new ConcurrentHashMap<>();

    /**
     * Creates or replaces a member, as a host does when its own records change.
     *
     * @return the member before (empty when new) and after, for reporting the change to the engine
     */
    public MemberChange put(Member member) {
        Objects.requireNonNull(member, "member");
        Member before = organizations.computeIfAbsent(member.organizationId(), org -> new ConcurrentSkipListMap<>())
                .put(member.id(), member);
        return new MemberChange(Optional.ofNullable(before), member);
    }

    /** Removes a member; returns it, or empty when there was none. */
    public Optional<Member> remove(String organizationId, String memberId) {
        ConcurrentSkipListMap<String, Member> members = organizations.get(organizationId);
        return members == null ? Optional.empty() : Optional.ofNullable(members.remove(memberId));
    }

    @Override
    public Optional<Member> find(String organizationId, String memberId) {
        return Optional.ofNullable(members(organizationId).get(memberId));
    }

    @Override
    public MemberChange apply(String organizationId, String memberId, MemberPatch patch) {
        Objects.requireNonNull(patch, "patch");
        ConcurrentSkipListMap<String, Member> members = organizations.get(organizationId);
        while (true) {
            Member before = members == null ? null : members.get(memberId);
            if (before == null) {
                throw new UnknownMemberException(organizationId, memberId);
            }
            Member after = patch.applyTo(before);
            if (after == before || members.replace(memberId, before, after)) {
                return new MemberChange(Optional.of(before), after);
            }
        }
    }

    @Override
    public MemberPage page(String organizationId, Optional<String> cursor, int limit) {
        Times.atLeastOne(limit);
        NavigableMap<String, Member> members = members(organizationId);
        NavigableMap<String, Member> rest = cursor.map(after -> members.tailMap(after, false)).orElse(members);
        List<Member> page = new ArrayList<>(Math.min(limit, 1024));
        Iterator<Map.Entry<String, Member>> entries = rest.entrySet().iterator();
        while (entries.hasNext() && page.size() < limit) {
            page.add(entries.next().getValue());
        }
        Optional<String> next = entries.hasNext() ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty();
        return new MemberPage(page, next);
    }

    private NavigableMap<String, Member> members(String organizationId) {
        NavigableMap<String, Member> members = organizations.get(organizationId);
        return members != null ? members : Collections.emptyNavigableMap();
    }
}
