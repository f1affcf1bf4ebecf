package io.memberautomation.spi.member;

import io.memberautomation.spi.Data;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change the engine (or a host) makes to a member. Applied atomically by the directory.
 *
 * @param set            fields to set to a value
 * @param unset          fields to remove
 * @param addTags        tags to add (adding a present tag is a no-op)
 * @param removeTags     tags to remove (removing an absent tag is a no-op)
 * @param addSegments    static segments to join
 * @param removeSegments static segments to leave
 */
public record MemberPatch(Map<String, Object> set, Set<String> unset, Set<String> addTags, Set<String> removeTags,
                          Set<String> addSegments, Set<String> removeSegments) {

    public static final MemberPatch EMPTY = new MemberPatch(Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public MemberPatch {
        set = Data.copy(set);
        unset = Set.copyOf(Objects.requireNonNull(unset, "unset"));
        addTags = Set.copyOf(Objects.requireNonNull(addTags, "addTags"));
        removeTags = Set.copyOf(Objects.requireNonNull(removeTags, "removeTags"));
        addSegments = Set.copyOf(Objects.requireNonNull(addSegments, "addSegments"));
        removeSegments = Set.copyOf(Objects.requireNonNull(removeSegments, "removeSegments"));
        if (set.containsKey(Member.TAGS) || set.containsKey(Member.SEGMENTS)) {
            throw new IllegalArgumentException("change tags and segments with addTags/removeTags/addSegments/removeSegments");
        }
    }

    public static MemberPatch setField(String field, Object value) {
        return new MemberPatch(Map.of(field, value), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static MemberPatch unsetField(String field) {
        return new MemberPatch(Map.of(), Set.of(field), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static MemberPatch addTag(String tag) {
        return new MemberPatch(Map.of(), Set.of(), Set.of(tag), Set.of(), Set.of(), Set.of());
    }

    public static MemberPatch removeTag(String tag) {
        return new MemberPatch(Map.of(), Set.of(), Set.of(), Set.of(tag), Set.of(), Set.of());
    }

    public static MemberPatch addSegment(String segmentId) {
        return new MemberPatch(Map.of(), Set.of(), Set.of(), Set.of(), Set.of(segmentId), Set.of());
    }

    public static MemberPatch removeSegment(String segmentId) {
        return new MemberPatch(Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(segmentId));
    }

    /**
     * The member with this patch applied, the same way in every directory: unset fields are removed, then
     * set fields written; removed tags and segments are dropped, then added ones appended in their natural
     * order, skipping those present. A pure function, so a directory retrying a compare-and-set can call it
     * again.
     */
    public Member applyTo(Member member) {
        if (isEmpty()) {
            return member;
        }
        Map<String, Object> fields = new LinkedHashMap<>(member.fields());
        unset.forEach(fields::remove);
        fields.putAll(set);
        if (!addTags.isEmpty() || !removeTags.isEmpty()) {
            fields.put(Member.TAGS, merged(member.tags(), addTags, removeTags));
        }
        if (!addSegments.isEmpty() || !removeSegments.isEmpty()) {
            fields.put(Member.SEGMENTS, merged(member.segments(), addSegments, removeSegments));
        }
        return new Member(member.id(), member.organizationId(), fields);
    }

    private static List<String> merged(List<String> current, Set<String> add, Set<String> remove) {
        LinkedHashSet<String> result = new LinkedHashSet<>(current);
        result.removeAll(remove);
        result.addAll(new TreeSet<>(add));
        return List.copyOf(result);
    }

    public boolean isEmpty() {
        return set.isEmpty() && unset.isEmpty() && addTags.isEmpty() && removeTags.isEmpty()
                && addSegments.isEmpty() && removeSegments.isEmpty();
    }
}
