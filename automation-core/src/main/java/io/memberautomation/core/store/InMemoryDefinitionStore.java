package io.memberautomation.core.store;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.StoredDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Definitions per automation: its versions and its one status. Each automation's versions change under
 * {@code compute} on its key, so two saves of the same version cannot both win.
 */
final class InMemoryDefinitionStore implements DefinitionStore {
    private final ConcurrentHashMap<AutomationKey, Versions> automations = new ConcurrentHashMap<>();

    private record AutomationKey(String organizationId, String automationId) {}

    /** Immutable: every change makes a new value, so readers need no lock. */
    private record Versions(String status, TreeMap<Integer, StoredDefinition> byNumber) {

        Versions with(StoredDefinition definition) {
            TreeMap<Integer, StoredDefinition> copy = new TreeMap<>(byNumber);
            copy.put(definition.version(), definition);
            return new Versions(definition.status(), copy);
        }

        Optional<StoredDefinition> version(int number) {
            return Optional.ofNullable(byNumber.get(number)).map(this::withStatus);
        }

        StoredDefinition latest() {
            return withStatus(byNumber.lastEntry().getValue());
        }

        private StoredDefinition withStatus(StoredDefinition stored) {
            return stored.status().equals(status) ? stored : new StoredDefinition(stored.organizationId(),
                    stored.automationId(), stored.version(), status, stored.json(), stored.savedAt());
        }
    }

    @Override
    public void saveVersion(StoredDefinition definition) {
        AutomationKey key = new AutomationKey(definition.organizationId(), definition.automationId());
        automations.compute(key, (k, versions) -> {
            if (versions == null) {
                return new Versions(definition.status(), new TreeMap<>(Map.of(definition.version(), definition)));
            }
            if (versions.byNumber().containsKey(definition.version())) {
                throw new ConcurrentUpdateException("version " + definition.version() + " of automation "
                        + definition.automationId() + " already exists");
            }
            return versions.with(definition);
        });
    }

    @Override
    public boolean setStatus(String organizationId, String automationId, String status) {
        return automations.computeIfPresent(new AutomationKey(organizationId, automationId),
                (key, versions) -> new Versions(status, versions.byNumber())) != null;
    }

    @Override
    public Optional<StoredDefinition> find(String organizationId, String automationId, int version) {
        return Optional.ofNullable(automations.get(new AutomationKey(organizationId, automationId)))
                .flatMap(versions -> versions.version(version));
    }

    @Override
    public Optional<StoredDefinition> latest(String organizationId, String automationId) {
        return Optional.ofNullable(automations.get(new AutomationKey(organizationId, automationId)))
                .map(Versions::latest);
    }

    @Override
    public List<StoredDefinition> latestOfAll() {
        List<StoredDefinition> latest = new ArrayList<>(automations.size());
        automations.values().forEach(versions -> latest.add(versions.latest()));
        return latest;
    }
}
