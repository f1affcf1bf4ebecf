package io.memberautomation.spi.member;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A member before and after a change. The engine derives change-driven triggers from it.
 *
 * @param before the member before, empty when it was just created
 * @param after  the member after
 */
public record MemberChange(Optional<Member> before, Member after) {

    public MemberChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        before.ifPresent(b -> {
            if (!b.id().equals(after.id()) || !b.organizationId().equals(after.organizationId())) {
                throw new IllegalArgumentException("before and after must be the same member");
            }
        });
    }

    /** The names of the fields whose values differ, in a stable order; every field of a new member. */
    public Set<String> changedFields() {
        Set<String> changed = new LinkedHashSet<>();
        Member previous = before.orElse(null);
        for (var entry : after.fields().entrySet()) {
            if (previous == null || !Objects.equals(previous.fields().get(entry.getKey()), entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        if (previous != null) {
            for (String key : previous.fields().keySet()) {
                if (!after.fields().containsKey(key)) {
                    changed.add(key);
                }
            }
        }
        return changed;
    }

    public boolean isCreation() {
        return before.isEmpty();
    }
}
