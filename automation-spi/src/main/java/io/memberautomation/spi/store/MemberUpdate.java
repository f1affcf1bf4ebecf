package io.memberautomation.spi.store;

import io.memberautomation.spi.member.MemberPatch;
import java.util.Objects;

/**
 * A member action's change, carried by the {@link ExecutionCommit} that records the step which made it, for
 * a store that applies it in the commit's own transaction (see {@link Persistence#transactionalMembers()}).
 *
 * @param organizationId the execution's organization
 * @param memberId       the execution's member
 * @param patch          the change; the store applies it to the member as stored when the commit is made
 * @param logSequence    the sequence of the commit's step log entry that records the step
 */
public record MemberUpdate(String organizationId, String memberId, MemberPatch patch, int logSequence) {
    public MemberUpdate {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(patch, "patch");
        if (logSequence < 0) {
            throw new IllegalArgumentException("negative log sequence " + logSequence);
        }
    }
}
