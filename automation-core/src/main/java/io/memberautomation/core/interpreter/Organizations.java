package io.memberautomation.core.interpreter;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows of each organization: its timezone. An organization the host did not register
 * runs in UTC.
 *
 * @param zones zone per organization id
 */
public record Organizations(Map<String, ZoneId> zones) {
    public Organizations {
        zones = Map.copyOf(zones);
    }

    public Optional<ZoneId> zone(String organizationId) {
        return Optional.ofNullable(zones.get(organizationId));
    }

    /** The organization as conditions and templates see it under {@code organization.*}. */
    public Map<String, Object> data(String organizationId) {
        return Map.of("id", organizationId, "timezone", zone(organizationId).orElse(ZoneOffset.UTC).getId());
    }
}
