package io.memberautomation.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * A map key for something named by an id inside one organization: an automation, a member, an event id.
 *
 * <p>{@code equals} and {@code hashCode} are written out: the generated ones dispatch through a method handle
 * shared by every record class, which the JIT does not inline on the engine's hot lookups.
 */
public record ScopedKey(String organizationId, String id) {
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ScopedKey other && organizationId.equals(other.organizationId) && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return 31 * organizationId.hashCode() + id.hashCode();
    }
}
