package io.memberautomation.jdbc.faults;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member directory in which every id is a member with no fields: the fault tests enroll thousands of
 * members and care about the queue and the timers, not about member records.
 */
final class Everyone implements MemberDirectory {
    @Override
    public Optional<Member> find(String organizationId, String memberId) {
        return Optional.of(new Member(memberId, organizationId, Map.of()));
    }

    @Override
    public MemberChange apply(String organizationId, String memberId, MemberPatch patch) {
        throw new AutomationException("the fault tests' members are not changed");
    }

    @Override
    public MemberPage page(String organizationId, Optional<String> cursor, int limit) {
        return new MemberPage(List.of(), Optional.empty());
    }
}
