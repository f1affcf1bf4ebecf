package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.TemplateStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Message templates in memory, per organization. Thread-safe; {@link #put} replaces a template by id. */
public final class InMemoryTemplateStore implements TemplateStore {
    private final ConcurrentHashMap<Key, Template> templates = new ConcurrentHashMap<>();

    private record Key(String organizationId, String templateId) {}

    /** Adds the template to the organization, replacing one with the same id. */
    public void put(String organizationId, Template template) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(template, "template");
        templates.put(new Key(organizationId, template.id()), template);
    }

    @Override
    public Optional<Template> find(String organizationId, String templateId) {
        return Optional.ofNullable(templates.get(new Key(organizationId, templateId)));
    }
}
