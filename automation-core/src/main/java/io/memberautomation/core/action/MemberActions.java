package io.memberautomation.core.action;

import io.memberautomation.core.action.internal.MemberPatches;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in actions that change the member: {@code add_tag}, {@code remove_tag}, {@code update_field},
 * {@code add_to_segment} and {@code remove_from_segment}. They are not {@code ActionHandler}s: the
 * interpreter turns them into a {@link MemberPatch} with {@link #patchFor}, applies it itself (so it can
 * derive the change triggers, and commit the change with the step record) and records the change.
 *
 * <p>Params, already rendered:
 * <ul>
 *   <li>{@code add_tag}, {@code remove_tag}: {@code tag} ({@code tagId} accepted as an alias);</li>
 *   <li>{@code add_to_segment}, {@code remove_from_segment}: {@code segmentId};</li>
 *   <li>{@code update_field}: {@code field}, a top-level member path such as {@code member.tier}, and
 *       {@code value}: a literal (set as it is); {@code { "relative": "P7D" }} (a date-only duration gives
 *       the ISO date {@code today + duration} in the context's zone, as text such as {@code "2025-03-02"};
 *       a duration with a time part gives the instant {@code now + duration} as ISO text); or
 *       {@code { "field": "member.x" }} (the member's current value of {@code x}, nested paths allowed;
 *       when it is missing the target field is unset).</li>
 * </ul>
 */
public final class MemberActions {

    public static final String ADD_TAG = "add_tag";
    public static final String REMOVE_TAG = "remove_tag";
    public static final String UPDATE_FIELD = "update_field";
    public static final String ADD_TO_SEGMENT = "add_to_segment";
    public static final String REMOVE_FROM_SEGMENT = "remove_from_segment";

    /** Every member action type. */
    public static final Set<String> TYPES =
            Set.of(ADD_TAG, REMOVE_TAG, UPDATE_FIELD, ADD_TO_SEGMENT, REMOVE_FROM_SEGMENT);

    private MemberActions() {}

    /**
     * What a member action is computed against.
     *
     * @param member the member as it is now, when the execution has one (read by {@code { "field": ... }})
     * @param now    the engine clock's time
     * @param zone   the zone in which "today" is taken for relative dates
     */
    public record Context(Optional<Member> member, Instant now, ZoneId zone) {
        public Context {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(zone, "zone");
        }

        /** The local date of {@link #now} in {@link #zone}. */
        public LocalDate today() {
            return LocalDate.ofInstant(now, zone);
        }
    }

    /** Whether the type is one of {@link #TYPES}. */
    public static boolean isMemberAction(String type) {
        return TYPES.contains(type);
    }

    /**
     * The change a member action makes.
     *
     * @param type           one of {@link #TYPES}
     * @param renderedParams the action's params with placeholders rendered
     * @throws IllegalArgumentException when the type is not a member action
     * @throws ActionParamException     when the params cannot be used (see the class comment)
     */
    public static MemberPatch patchFor(String type, Map<String, Object> renderedParams, Context ctx) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(renderedParams, "renderedParams");
        Objects.requireNonNull(ctx, "ctx");
        return switch (type) {
            case ADD_TAG -> MemberPatch.addTag(MemberPatches.tag(type, renderedParams));
            case REMOVE_TAG -> MemberPatch.removeTag(MemberPatches.tag(type, renderedParams));
            case ADD_TO_SEGMENT -> MemberPatch.addSegment(MemberPatches.segmentId(type, renderedParams));
            case REMOVE_FROM_SEGMENT -> MemberPatch.removeSegment(MemberPatches.segmentId(type, renderedParams));
            case UPDATE_FIELD -> MemberPatches.updateField(renderedParams, ctx);
            default -> throw new IllegalArgumentException("not a member action: \"" + type + "\" (expected one of "
                    + String.join(", ", TYPES.stream().sorted().toList()) + ")");
        };
    }
}
