package io.memberautomation.core.store;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.member.UnknownMemberException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

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
    private final ConcurrentHashMap<String, Organization> organizations = new ConcurrentHashMap<>();

    /**
     * One organization's members: by id in a hash map (every enrollment and execution pass looks a member up),
     * and their ids in order in a skip list (pages). A member's id joins and leaves the ordered set inside the
     * map's atomic update of that id, so the two never disagree about which members exist.
     */
    private static final class Organization {
        final ConcurrentHashMap<String, Member> byId = new ConcurrentHashMap<>();
        final ConcurrentSkipListSet<String> ids = new ConcurrentSkipListSet<>();
    }

    /**
     * Creates or replaces a member, as a host does when its own records change.
     *
     * @return the member before (empty when new) and after, for reporting the change to the engine
     */
    public MemberChange put(Member member) {
        Objects.requireNonNull(member, "member");
        Organization organization = organizations.computeIfAbsent(member.organizationId(), org -> new Organization());
        Member[] before = new Member[1];
        organization.byId.compute(member.id(), (id, current) -> {
            if (current == null) {
                organization.ids.add(id);
            }
            before[0] = current;
            return member;
        });
        return new MemberChange(Optional.ofNullable(before[0]), member);
    }

    /** Removes a member; returns it, or empty when there was none. */
    public Optional<Member> remove(String organizationId, String memberId) {
        Organization organization = organizations.get(organizationId);
        if (organization == null) {
            return Optional.empty();
        }
        Member[] removed = new Member[1];
        organization.byId.computeIfPresent(memberId, (id, current) -> {
            organization.ids.remove(id);
            removed[0] = current;
            return null;
        });
        return Optional.ofNullable(removed[0]);
    }

    @Override
    public Optional<Member> find(String organizationId, String memberId) {
        Organization organization = organizations.get(organizationId);
        return organization == null ? Optional.empty() : Optional.ofNullable(organization.byId.get(memberId));
    }

    @Override
    public MemberChange apply(String organizationId, String memberId, MemberPatch patch) {
        Objects.requireNonNull(patch, "patch");
        Organization organization = organizations.get(organizationId);
        while (true) {
            Member before = organization == null ? null : organization.byId.get(memberId);
            if (before == null) {
                throw new UnknownMemberException(organizationId, memberId);
            }
            Member after = patch.applyTo(before);
            if (after == before || organization.byId.replace(memberId, before, after)) {
                return new MemberChange(Optional.of(before), after);
            }
        }
    }

    @Override
    public MemberPage page(String organizationId, Optional<String> cursor, int limit) {
        Times.atLeastOne(limit);
        Organization organization = organizations.get(organizationId);
        if (organization == null) {
            return new MemberPage(List.of(), Optional.empty());
        }
        NavigableSet<String> rest = cursor.map(after -> organization.ids.tailSet(after, false))
                .orElse(organization.ids);
        List<Member> page = new ArrayList<>(Math.min(limit, 1024));
        Iterator<String> ids = rest.iterator();
        while (ids.hasNext() && page.size() < limit) {
            // an id removed since the iterator passed the set is skipped
            Member member = organization.byId.get(ids.next());
            if (member != null) {
                page.add(member);
            }
        }
        Optional<String> next = ids.hasNext() && !page.isEmpty()
                ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty();
        return new MemberPage(page, next);
    }
}
