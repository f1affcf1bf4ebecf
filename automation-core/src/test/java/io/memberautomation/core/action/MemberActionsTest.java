package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberActionsTest {
    private static final Instant JAN_31 = Instant.parse("2025-01-31T10:00:00Z");

    private final Member member = new Member("m-1", "org-1", Map.of("joined_at", LocalDate.of(2024, 5, 6),
            "tier", "gold", "address", Map.of("city", "Leeds")));
    private final MemberActions.Context ctx = new MemberActions.Context(Optional.of(member), JAN_31, ZoneOffset.UTC);

    @Test
    void patchFor_whenTagActions_addsOrRemovesTheTag() {
        assertThat(MemberActions.patchFor("add_tag", Map.of("tag", "vip"), ctx)).isEqualTo(MemberPatch.addTag("vip"));
        assertThat(MemberActions.patchFor("remove_tag", Map.of("tag", "vip"), ctx))
                .isEqualTo(MemberPatch.removeTag("vip"));
    }

    @Test
    void patchFor_whenTagIdAlias_readsIt() {
        assertThat(MemberActions.patchFor("add_tag", Map.of("tagId", "board"), ctx))
                .isEqualTo(MemberPatch.addTag("board"));
    }

    @Test
    void patchFor_whenTagRenderedBlank_throwsActionParamException() {
        assertThatThrownBy(() -> MemberActions.patchFor("add_tag", Map.of("tag", " "), ctx))
                .isInstanceOf(ActionParamException.class).hasMessageContaining("add_tag needs a tag");
    }

    @Test
    void patchFor_whenSegmentActions_joinsOrLeavesTheSegment() {
        assertThat(MemberActions.patchFor("add_to_segment", Map.of("segmentId", "s-1"), ctx))
                .isEqualTo(MemberPatch.addSegment("s-1"));
        assertThat(MemberActions.patchFor("remove_from_segment", Map.of("segmentId", "s-1"), ctx))
                .isEqualTo(MemberPatch.removeSegment("s-1"));
        assertThatThrownBy(() -> MemberActions.patchFor("add_to_segment", Map.of(), ctx))
                .isInstanceOf(ActionParamException.class);
    }

    @Test
    void patchFor_whenUpdateFieldWithLiteral_setsIt() {
        assertThat(MemberActions.patchFor("update_field", Map.of("field", "member.tier", "value", "platinum"), ctx))
                .isEqualTo(MemberPatch.setField("tier", "platinum"));
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.score", "value", new BigDecimal("12.5")), ctx))
                .isEqualTo(MemberPatch.setField("score", new BigDecimal("12.5")));
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.prefs", "value", Map.of("a", "b", "c", "d")), ctx))
                .isEqualTo(MemberPatch.setField("prefs", Map.of("a", "b", "c", "d")));
    }

    @Test
    void patchFor_whenRelativeDaysCrossMonthEnd_setsTheCalendarDate() {
        MemberPatch patch = MemberActions.patchFor("update_field",
                Map.of("field", "member.renewal_date", "value", Map.of("relative", "P1M")), ctx);
        MemberPatch days = MemberActions.patchFor("update_field",
                Map.of("field", "member.renewal_date", "value", Map.of("relative", "P7D")), ctx);
        MemberPatch back = MemberActions.patchFor("update_field",
                Map.of("field", "member.renewal_date", "value", Map.of("relative", "-P31D")), ctx);

        assertThat(patch).isEqualTo(MemberPatch.setField("renewal_date", "2025-02-28"));
        assertThat(days).isEqualTo(MemberPatch.setField("renewal_date", "2025-02-07"));
        assertThat(back).isEqualTo(MemberPatch.setField("renewal_date", "2024-12-31"));
    }

    @Test
    void patchFor_whenRelativeDateInAZoneAheadOfUtc_countsFromThatZonesToday() {
        Instant lateUtc = Instant.parse("2025-01-31T23:30:00Z");
        MemberActions.Context tokyo = new MemberActions.Context(Optional.of(member), lateUtc, ZoneId.of("Asia/Tokyo"));

        MemberPatch patch = MemberActions.patchFor("update_field",
                Map.of("field", "member.renewal_date", "value", Map.of("relative", "P1D")), tokyo);

        assertThat(tokyo.today()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(patch).isEqualTo(MemberPatch.setField("renewal_date", "2025-02-02"));
    }

    @Test
    void patchFor_whenRelativeHasTimePart_setsTheInstant() {
        MemberPatch patch = MemberActions.patchFor("update_field",
                Map.of("field", "member.follow_up_at", "value", Map.of("relative", "PT36H")), ctx);

        assertThat(patch).isEqualTo(MemberPatch.setField("follow_up_at", "2025-02-01T22:00:00Z"));
    }

    @Test
    void patchFor_whenRelativeIsAZeroTimePart_setsTheInstantNow() {
        MemberPatch patch = MemberActions.patchFor("update_field",
                Map.of("field", "member.seen_at", "value", Map.of("relative", "PT0S")), ctx);

        assertThat(patch).isEqualTo(MemberPatch.setField("seen_at", "2025-01-31T10:00:00Z"));
    }

    @Test
    void patchFor_whenValueCopiesAField_setsItsCurrentValue() {
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.first_joined", "value", Map.of("field", "member.joined_at")), ctx))
                .isEqualTo(MemberPatch.setField("first_joined", LocalDate.of(2024, 5, 6)));
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.city", "value", Map.of("field", "member.address.city")), ctx))
                .isEqualTo(MemberPatch.setField("city", "Leeds"));
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.external_id", "value", Map.of("field", "member.id")), ctx))
                .isEqualTo(MemberPatch.setField("external_id", "m-1"));
    }

    @Test
    void patchFor_whenCopiedFieldIsMissing_unsetsTheTarget() {
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.tier", "value", Map.of("field", "member.old_tier")), ctx))
                .isEqualTo(MemberPatch.unsetField("tier"));
        MemberActions.Context noMember = new MemberActions.Context(Optional.empty(), JAN_31, ZoneOffset.UTC);
        assertThat(MemberActions.patchFor("update_field",
                Map.of("field", "member.tier", "value", Map.of("field", "member.old_tier")), noMember))
                .isEqualTo(MemberPatch.unsetField("tier"));
    }

    @Test
    void patchFor_whenFieldIsNotASettableMemberField_throwsActionParamException() {
        for (String field : List.of("tier", "event.amount", "member.address.city", "member.tags", "member.id")) {
            assertThatThrownBy(() -> MemberActions.patchFor("update_field", Map.of("field", field, "value", "x"), ctx))
                    .as(field).isInstanceOf(ActionParamException.class);
        }
    }

    @Test
    void patchFor_whenRelativeIsNotADurationOrValueMissing_throwsActionParamException() {
        assertThatThrownBy(() -> MemberActions.patchFor("update_field",
                Map.of("field", "member.d", "value", Map.of("relative", "next week")), ctx))
                .isInstanceOf(ActionParamException.class).hasMessageContaining("next week");
        assertThatThrownBy(() -> MemberActions.patchFor("update_field",
                Map.of("field", "member.d", "value", Map.of("relative", new BigDecimal("7"))), ctx))
                .isInstanceOf(ActionParamException.class).hasMessageContaining("relative");
        assertThatThrownBy(() -> MemberActions.patchFor("update_field", Map.of("field", "member.d"), ctx))
                .isInstanceOf(ActionParamException.class).hasMessageContaining("value");
    }

    @Test
    void patchFor_whenTypeUnknown_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> MemberActions.patchFor("send_email", Map.of(), ctx))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send_email");
        assertThat(MemberActions.isMemberAction("update_field")).isTrue();
        assertThat(MemberActions.isMemberAction("webhook")).isFalse();
    }
}
