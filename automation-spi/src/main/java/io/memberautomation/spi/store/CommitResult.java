package io.memberautomation.spi.store;

import io.memberautomation.spi.member.MemberChange;
import java.util.List;
import java.util.Objects;

/**
 * What became of one commit of an {@link ExecutionStore#commitAll} batch.
 *
 * @param executionId   the execution the commit was for
 * @param applied       false when the commit was refused as a concurrent update (nothing of it applied)
 * @param memberChanges the member changes it applied, one per {@link ExecutionCommit#memberUpdates()} entry
 *                      and in that order; empty when refused
 */
public record CommitResult(String executionId, boolean applied, List<MemberChange> memberChanges) {
    public CommitResult {
        Objects.requireNonNull(executionId, "executionId");
        memberChanges = List.copyOf(memberChanges);
        if (!applied && !memberChanges.isEmpty()) {
            throw new IllegalArgumentException("a refused commit changes no member");
        }
    }

    public static CommitResult applied(String executionId, List<MemberChange> memberChanges) {
        return new CommitResult(executionId, true, memberChanges);
    }

    public static CommitResult refused(String executionId) {
        return new CommitResult(executionId, false, List.of());
    }
}
