package io.memberautomation.spi.delivery;

import java.util.Optional;

/** The host's message templates, per organization. Thread-safe. */
@FunctionalInterface
public interface TemplateStore {
    Optional<Template> find(String organizationId, String templateId);
}
