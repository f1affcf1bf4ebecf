package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.ActionParamException;
import io.memberautomation.core.action.MemberActions;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The logic behind {@link MemberActions#patchFor}. */
public final class MemberPatches {

    /** Fields update_field may not touch: the id is no field, tags and segments have their own actions. */
    private static final Set<String> NOT_SETTABLE = Set.of("id", Member.TAGS, Member.SEGMENTS);

    private MemberPatches() {}

    public static String tag(String type, Map<String, Object> params) {
        return Params.text(params, "tag", "tagId")
                .orElseThrow(() -> new ActionParamException(type + " needs a tag param (\"tag\" or \"tagId\")"));
    }

    public static String segmentId(String type, Map<String, Object> params) {
        return Params.text(params, "segmentId")
                .orElseThrow(() -> new ActionParamException(type + " needs a segmentId param"));
    }

    public static MemberPatch updateField(Map<String, Object> params, MemberActions.Context ctx) {
        String field = targetField(params);
        Object value = params.get("value");
        if (value == null) {
            throw new ActionParamException("update_field needs a value param");
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.containsKey("relative")) {
                return MemberPatch.setField(field, relativeValue(text(map, "relative"), ctx));
            }
            if (map.containsKey("field")) {
                return fieldValue(text(map, "field"), ctx)
                        .map(found -> MemberPatch.setField(field, found))
                        .orElseGet(() -> MemberPatch.unsetField(field));
            }
        }
        return MemberPatch.setField(field, value);
    }

    private static String text(Map<?, ?> value, String key) {
        if (value.get(key) instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        throw new ActionParamException("update_field: \"" + key + "\" must be a string, not " + value.get(key));
    }

    private static String targetField(Map<String, Object> params) {
        String text = Params.text(params, "field")
                .orElseThrow(() -> new ActionParamException(
                        "update_field needs a field param such as \"member.tier\""));
        FieldPath path = FieldPath.tryParse(text)
                .filter(p -> p.root() == FieldPath.Root.MEMBER && p.keys().size() == 1)
                .orElseThrow(() -> new ActionParamException(
                        "update_field sets a top-level member field such as \"member.tier\", not \"" + text + "\""));
        String name = path.head();
        if (NOT_SETTABLE.contains(name)) {
            throw new ActionParamException("update_field cannot set " + text
                    + ("id".equals(name) ? "" : ": use the tag and segment actions"));
        }
        return name;
    }

    /**
     * Date-only durations count calendar days from today in the zone; others count from now. Whether a
     * duration is date-only is read from the text: {@code PT0S} has a time part, though it is zero.
     */
    private static String relativeValue(String text, MemberActions.Context ctx) {
        IsoDuration duration;
        try {
            duration = IsoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ActionParamException("update_field: " + e.getMessage());
        }
        if (duration.isDateOnly() && text.indexOf('T') < 0 && text.indexOf('t') < 0) {
            return duration.addTo(ctx.today()).toString();
        }
        return duration.addTo(ctx.now().atZone(ctx.zone())).toInstant().toString();
    }

    private static Optional<Object> fieldValue(String text, MemberActions.Context ctx) {
        FieldPath path = FieldPath.tryParse(text)
                .filter(p -> p.root() == FieldPath.Root.MEMBER)
                .orElseThrow(() -> new ActionParamException(
                        "update_field copies from a member field such as \"member.joined_at\", not \"" + text + "\""));
        if (ctx.member().isEmpty()) {
            return Optional.empty();
        }
        Member member = ctx.member().get();
        List<String> keys = path.keys();
        Object current = keys.get(0).equals("id") && keys.size() == 1 ? member.id() : member.fields().get(keys.get(0));
        for (String key : keys.subList(1, keys.size())) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return Optional.ofNullable(current);
    }
}
