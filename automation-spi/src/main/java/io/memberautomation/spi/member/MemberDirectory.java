package io.memberautomation.spi.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The host's members, as the engine reads and changes them.
 *
 * <p>Implementations must:
 * <ul>
 *   <li>scope every call to the organization given; a member of another organization is never returned or changed;</li>
 *   <li>apply a {@link MemberPatch} atomically and return the member before and after it;</li>
 *   <li>page through an organization's members in ascending id order, so a 100,000-member audience is
 *       never held in memory at once, and a member added during paging is seen at most once;</li>
 *   <li>be thread-safe.</li>
 * </ul>
 * Transient failures are reported as {@link io.memberautomation.spi.InfrastructureException}.
 */
public interface MemberDirectory {

    Optional<Member> find(String organizationId, String memberId);

    /**
     * The members among {@code memberIds} of the organization that exist, in no particular order: what the
     * engine reads for a batch of executions at once. A directory may read them in one query.
     */
    default List<Member> findAll(String organizationId, Collection<String> memberIds) {
        List<Member> found = new ArrayList<>(memberIds.size());
        for (String id : memberIds) {
            find(organizationId, id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Applies a change and returns the member before and after it.
     *
     * @throws UnknownMemberException when the member does not exist
     */
    MemberChange apply(String organizationId, String memberId, MemberPatch patch);

    /**
     * One page of the organization's members with ids after {@code cursor} (all when empty).
     *
     * @param limit at most this many members, at least 1
     */
    MemberPage page(String organizationId, Optional<String> cursor, int limit);
}
