package io.memberautomation.spi.member;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One batch of an organization's members, in ascending id order.
 *
 * @param members    the batch
 * @param nextCursor the cursor for the next batch; empty after the last one
 */
public record MemberPage(List<Member> members, Optional<String> nextCursor) {
    public MemberPage {
        members = List.copyOf(members);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
