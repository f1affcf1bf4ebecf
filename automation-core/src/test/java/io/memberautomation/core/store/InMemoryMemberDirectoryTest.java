package io.memberautomation.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.tck.MemberDirectoryContract;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryMemberDirectoryTest extends MemberDirectoryContract {

    @Override
    protected MemberDirectory newDirectory(List<Member> seed) {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        seed.forEach(directory::put);
        return directory;
    }

    @Test
    void put_whenMemberIsNew_reportsACreation() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();

        MemberChange change = directory.put(member("m1"));

        assertThat(change.isCreation()).isTrue();
        assertThat(directory.find(ORG, "m1")).contains(member("m1"));
    }

    @Test
    void put_whenMemberExists_replacesItAndReportsTheChange() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        directory.put(member("m1"));
        Member renamed = new Member("m1", ORG, Map.of("email", "new@example.org"));

        MemberChange change = directory.put(renamed);

        assertThat(change.before()).contains(member("m1"));
        assertThat(change.changedFields()).containsExactly("email");
        assertThat(directory.find(ORG, "m1")).contains(renamed);
    }

    @Test
    void remove_whenMemberExists_removesItFromItsOrganizationOnly() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        directory.put(member("m1"));
        directory.put(new Member("m1", OTHER_ORG, Map.of()));

        Optional<Member> removed = directory.remove(ORG, "m1");

        assertThat(removed).contains(member("m1"));
        assertThat(directory.find(ORG, "m1")).isEmpty();
        assertThat(directory.find(OTHER_ORG, "m1")).isPresent();
        assertThat(directory.remove(ORG, "m1")).isEmpty();
        assertThatThrownBy(() -> directory.apply(ORG, "m1", MemberPatch.addTag("x")))
                .hasMessageContaining("m1");
    }

    @Test
    void apply_whenAddingSeveralTagsInOnePatch_appendsThemInNaturalOrder() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        directory.put(member("m1"));

        MemberChange change = directory.apply(ORG, "m1", new MemberPatch(Map.of(), Set.of(), Set.of("zeta", "alpha",
                "mu"), Set.of(), Set.of(), Set.of()));

        assertThat(change.after().tags()).containsExactly("alpha", "mu", "zeta");
    }

    @Test
    void apply_whenPatchIsEmpty_returnsTheMemberUnchanged() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        directory.put(member("m1"));

        MemberChange change = directory.apply(ORG, "m1", MemberPatch.EMPTY);

        assertThat(change.changedFields()).isEmpty();
        assertThat(change.after()).isEqualTo(member("m1"));
    }

    @Test
    void page_whenMembersAreAddedDuringPaging_seesEachAtMostOnce() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();
        for (String id : List.of("m10", "m20", "m30", "m40")) {
            directory.put(member(id));
        }

        MemberPage first = directory.page(ORG, Optional.empty(), 2);
        directory.put(member("m05"));
        directory.put(member("m35"));
        directory.put(member("m20"));
        MemberPage second = directory.page(ORG, first.nextCursor(), 10);

        List<String> ids = new ArrayList<>();
        first.members().forEach(m -> ids.add(m.id()));
        second.members().forEach(m -> ids.add(m.id()));
        assertThat(ids).containsExactly("m10", "m20", "m30", "m35", "m40");
    }

    @Test
    void page_whenLimitIsBelowOne_isRefused() {
        InMemoryMemberDirectory directory = new InMemoryMemberDirectory();

        assertThatThrownBy(() -> directory.page(ORG, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
