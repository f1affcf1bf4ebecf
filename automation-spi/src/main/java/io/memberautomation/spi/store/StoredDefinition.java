package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of an automation, as the JSON the engine wrote.
 *
 * @param organizationId the tenant
 * @param automationId   the automation
 * @param version        1, 2, 3, ...
 * @param status         the automation's current status ({@code draft}, {@code active}, ...), shared by its versions
 * @param json           the definition document of this version
 * @param savedAt        when this version was saved
 */
public record StoredDefinition(String organizationId, String automationId, int version, String status, String json,
                               Instant savedAt) {
    public StoredDefinition {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(automationId, "automationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(savedAt, "savedAt");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
    }
}
