package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link MemberPatch} to a member value, with the in-memory directory's rules (the core keeps its
 * version package-private): unset fields are removed, then set fields written; removed tags and segments
 * are dropped, then added ones appended in their natural order, skipping those present.
 */
public final class MemberPatching {
    private MemberPatching() {}

    /** The patched member, or the same instance when the patch is empty. */
    public static Member apply(Member member, MemberPatch patch) {
        if (patch.isEmpty()) {
            return member;
        }
        Map<String, Object> fields = new LinkedHashMap<>(member.fields());
        patch.unset().forEach(fields::remove);
        fields.putAll(patch.set());
        if (!patch.addTags().isEmpty() || !patch.removeTags().isEmpty()) {
            fields.put(Member.TAGS, merged(member.tags(), patch.addTags(), patch.removeTags()));
        }
        if (!patch.addSegments().isEmpty() || !patch.removeSegments().isEmpty()) {
            fields.put(Member.SEGMENTS, merged(member.segments(), patch.addSegments(), patch.removeSegments()));
        }
        return new Member(member.id(), member.organizationId(), fields);
    }

    private static List<String> merged(List<String> current, Set<String> add, Set<String> remove) {
        LinkedHashSet<String> result = new LinkedHashSet<>(current);
        result.removeAll(remove);
        result.addAll(new TreeSet<>(add));
        return List.copyOf(result);
    }
}
