package io.memberautomation.core.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.member.UnknownMemberException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MemberDirectory}: strict organization scoping, atomic patches that return the
 * member before and after, tags and segments as ordered lists without duplicates, paging in ascending id
 * order.
 *
 * <p>To run it against your directory: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope (plus junit-jupiter and assertj-core), extend this class in
 * a test named {@code *Test}, and implement {@link #newDirectory(List)} to return a directory holding
 * exactly the given members. Field values in the seeds are strings, booleans, numbers, dates and lists
 * of strings ({@code tags}, {@code segments}); a directory must hand them back equal.
 */
public abstract class MemberDirectoryContract {
    protected static final String ORG = "org-a";
    protected static final String OTHER_ORG = "org-b";

    /** A new directory holding exactly {@code seed} (members of several organizations). */
    protected abstract MemberDirectory newDirectory(List<Member> seed);

    /** The base time of every test. */
    protected Instant now() {
        return Instant.parse("2030-01-01T09:00:00Z");
    }

    @Test
    void find_whenMemberExists_returnsItWithItsFields() {
        Member ada = ada();
        MemberDirectory directory = newDirectory(List.of(ada));

        assertThat(directory.find(ORG, "m-ada")).contains(ada);
        assertThat(directory.find(ORG, "m-none")).isEmpty();
    }

    @Test
    void findAll_returnsTheExistingMembersOfThatOrganizationOnly() {
        Member ada = ada();
        Member bob = new Member("m-bob", ORG, Map.of("email", "bob@example.org"));
        Member elsewhere = new Member("m-eve", OTHER_ORG, Map.of("email", "eve@example.org"));
        MemberDirectory directory = newDirectory(List.of(ada, bob, elsewhere));

        assertThat(directory.findAll(ORG, List.of("m-bob", "m-none", "m-eve", "m-ada")))
                .containsExactlyInAnyOrder(ada, bob);
        assertThat(directory.findAll(ORG, List.of())).isEmpty();
    }

    @Test
    void find_whenMemberBelongsToAnotherOrganization_isEmpty() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        assertThat(directory.find(OTHER_ORG, "m-ada")).isEmpty();
    }

    @Test
    void apply_withSetAndUnset_returnsTheMemberBeforeAndAfter() {
        Member ada = ada();
        MemberDirectory directory = newDirectory(List.of(ada));
        MemberPatch patch = new MemberPatch(Map.of("status", "lapsed", "renewal_date", LocalDate.of(2031, 1, 1)),
                Set.of("phone"), Set.of(), Set.of(), Set.of(), Set.of());

        MemberChange change = directory.apply(ORG, "m-ada", patch);

        assertThat(change.before()).contains(ada);
        assertThat(change.after().fields()).containsEntry("status", "lapsed")
                .containsEntry("renewal_date", LocalDate.of(2031, 1, 1))
                .containsEntry("email", "ada@example.org")
                .doesNotContainKey("phone");
        assertThat(change.changedFields()).containsExactlyInAnyOrder("status", "renewal_date", "phone");
        assertThat(directory.find(ORG, "m-ada")).contains(change.after());
    }

    @Test
    void apply_whenAddingTags_appendsEachOnceKeepingTheirOrder() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        MemberChange present = directory.apply(ORG, "m-ada", MemberPatch.addTag("volunteer"));
        MemberChange again = directory.apply(ORG, "m-ada", MemberPatch.addTag("board"));

        assertThat(again.after().tags()).containsExactly("founder", "volunteer", "board");
        assertThat(present.after().tags()).containsExactly("founder", "volunteer");
        assertThat(again.before().orElseThrow().tags()).containsExactly("founder", "volunteer");
    }

    @Test
    void apply_whenMemberHasNoTags_createsTheTagList() {
        MemberDirectory directory = newDirectory(List.of(new Member("m-bob", ORG, Map.of("email", "bob@example.org"))));

        MemberChange change = directory.apply(ORG, "m-bob", MemberPatch.addTag("new"));

        assertThat(change.after().tags()).containsExactly("new");
        assertThat(change.after().field(Member.TAGS)).contains(List.of("new"));
    }

    @Test
    void apply_whenRemovingTags_removesPresentOnesAndIgnoresAbsentOnes() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        MemberChange change = directory.apply(ORG, "m-ada", new MemberPatch(Map.of(), Set.of(), Set.of(),
                Set.of("volunteer", "never-had"), Set.of(), Set.of()));

        assertThat(change.after().tags()).containsExactly("founder");
    }

    @Test
    void apply_withSegments_joinsAndLeavesLikeTags() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        directory.apply(ORG, "m-ada", MemberPatch.addSegment("seg-donors"));
        directory.apply(ORG, "m-ada", MemberPatch.addSegment("seg-board"));
        MemberChange left = directory.apply(ORG, "m-ada", MemberPatch.removeSegment("seg-board"));

        assertThat(left.before().orElseThrow().segments()).containsExactly("seg-2029", "seg-donors", "seg-board");
        assertThat(left.after().segments()).containsExactly("seg-2029", "seg-donors");
        assertThat(left.after().tags()).containsExactly("founder", "volunteer");
    }

    @Test
    void apply_whenMemberIsUnknown_throwsUnknownMember() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        assertThatThrownBy(() -> directory.apply(ORG, "m-none", MemberPatch.addTag("x")))
                .isInstanceOf(UnknownMemberException.class);
    }

    @Test
    void apply_whenMemberBelongsToAnotherOrganization_throwsUnknownMemberAndChangesNothing() {
        Member ada = ada();
        MemberDirectory directory = newDirectory(List.of(ada));

        assertThatThrownBy(() -> directory.apply(OTHER_ORG, "m-ada", MemberPatch.setField("status", "lapsed")))
                .isInstanceOf(UnknownMemberException.class);
        assertThat(directory.find(ORG, "m-ada")).contains(ada);
    }

    @Test
    void apply_whenAHundredThreadsEachAddADistinctTag_keepsEveryTag() throws Exception {
        MemberDirectory directory = newDirectory(List.of(new Member("m-busy", ORG, Map.of("email", "b@example.org"))));

        List<Race.Result<MemberChange>> results = Race.run(100,
                i -> directory.apply(ORG, "m-busy", MemberPatch.addTag("tag-" + i)));

        assertThat(results).allMatch(Race.Result::succeeded);
        for (int i = 0; i < 100; i++) {
            MemberChange change = results.get(i).value();
            assertThat(change.after().tags()).contains("tag-" + i);
            assertThat(change.before().orElseThrow().tags()).doesNotContain("tag-" + i);
        }
        assertThat(directory.find(ORG, "m-busy").orElseThrow().tags()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void page_whenPagedThrough_returnsEveryMemberOnceInAscendingIdOrder() {
        List<Member> seed = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seed.add(new Member(String.format("m%03d", i), ORG, Map.of("email", "m" + i + "@example.org")));
        }
        Collections.shuffle(seed, new Random(7));
        seed.add(new Member("m000", OTHER_ORG, Map.of("email", "other@example.org")));
        MemberDirectory directory = newDirectory(seed);

        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            MemberPage page = directory.page(ORG, cursor, 10);
            assertThat(page.members().size()).isLessThanOrEqualTo(10);
            assertThat(page.members()).allMatch(member -> member.organizationId().equals(ORG));
            page.members().forEach(member -> ids.add(member.id()));
            cursor = page.nextCursor();
            if (cursor.isEmpty()) {
                break;
            }
        }

        assertThat(cursor).isEmpty();
        assertThat(ids).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void page_whenOrganizationHasNoMembers_isEmptyWithoutCursor() {
        MemberDirectory directory = newDirectory(List.of(ada()));

        MemberPage page = directory.page(OTHER_ORG, Optional.empty(), 10);

        assertThat(page.members()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void page_fromACursor_startsAfterIt() {
        MemberDirectory directory = newDirectory(List.of(member("m1"), member("m2"), member("m3"), member("m4")));

        MemberPage page = directory.page(ORG, Optional.of("m2"), 10);

        assertThat(page.members()).extracting(Member::id).containsExactly("m3", "m4");
        assertThat(page.nextCursor()).isEmpty();
    }

    /** A member with tags, segments and well-known fields. */
    protected static Member ada() {
        return new Member("m-ada", ORG, Map.of("email", "ada@example.org", "phone", "+3312345678", "status", "active",
                "tags", List.of("founder", "volunteer"), "segments", List.of("seg-2029"), "email_opt_out", false));
    }

    protected static Member member(String id) {
        return new Member(id, ORG, Map.of("email", id + "@example.org"));
    }
}
