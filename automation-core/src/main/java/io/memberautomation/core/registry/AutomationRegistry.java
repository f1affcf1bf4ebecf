package io.memberautomation.core.registry;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.definition.ValidationReport;
import io.memberautomation.core.internal.ScopedKey;
import io.memberautomation.core.interpreter.CompiledAutomation;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.trigger.TriggerLoops;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.StoredDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Saved automations and their versions. Every version is compiled once and cached (executions are pinned
 * to the version they started with); the routing index maps (organization, trigger type) to the active
 * automations' latest versions, so routing an event costs the automations that match, not a query or a
 * scan of all of them.
 */
public final class AutomationRegistry {

    private record VersionKey(String organizationId, String automationId, int version) {}

    /** {@code equals} and {@code hashCode} written out, as in {@link ScopedKey}. */
    private record RouteKey(String organizationId, TriggerType type) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof RouteKey other && organizationId.equals(other.organizationId) && type == other.type;
        }

        @Override
        public int hashCode() {
            return 31 * organizationId.hashCode() + type.hashCode();
        }
    }

    private record Head(CompiledAutomation latest, AutomationStatus status) {}

    private final DefinitionStore store;
    private final AutomationDefinitions definitions;
    private final String defaultOrganizationId;
    private final Clock clock;
    private final TriggerLoops loops;
    private final LoadingCache<VersionKey, CompiledAutomation> versions;
    private final Map<ScopedKey, Head> heads = new ConcurrentHashMap<>();
    private volatile Map<RouteKey, List<CompiledAutomation>> routes = Map.of();

    public AutomationRegistry(DefinitionStore store, AutomationDefinitions definitions, String defaultOrganizationId,
                              Clock clock, TriggerLoops loops) {
        this.store = store;
        this.loops = loops;
        this.definitions = definitions;
        this.defaultOrganizationId = defaultOrganizationId;
        this.clock = clock;
        this.versions = Caffeine.newBuilder().maximumSize(10_000).build(this::load);
    }

    public String organizationOf(Automation automation) {
        return automation.organizationId().orElse(defaultOrganizationId);
    }

    /**
     * Validates and saves an automation. A document equal to the latest version (ignoring version and
     * status) makes no new version. A new automation takes the document's status; for an existing one a
     * status other than {@code draft} applies, while {@code draft} (the format's default, so also an absent
     * status) keeps the current one: saving a new version of an active automation keeps it running.
     *
     * @throws InvalidDefinitionException listing every error; nothing is saved
     */
    public synchronized SavedAutomation save(Automation candidate) {
        ValidationReport report = definitions.validate(candidate);
        if (!report.isValid()) {
            throw new InvalidDefinitionException(report.problems());
        }
        String org = organizationOf(candidate);
        List<ValidationProblem> warnings = new ArrayList<>(report.warnings());
        warnings.addAll(loops.warnings(candidate, org, others(org)));
        Optional<StoredDefinition> latest = store.latest(org, candidate.id());
        AutomationStatus status = candidate.status();
        if (latest.isPresent()) {
            if (status == AutomationStatus.DRAFT) {
                status = status(org, candidate.id());
            }
            Automation previous = definitions.read(latest.get().json());
            if (previous.withVersion(0).withStatus(AutomationStatus.DRAFT)
                    .equals(candidate.withVersion(0).withStatus(AutomationStatus.DRAFT))) {
                setStatus(org, candidate.id(), status);
                return new SavedAutomation(org, previous.withStatus(status), false, warnings);
            }
        }
        int version = latest.map(StoredDefinition::version).orElse(0) + 1;
        Automation saved = candidate.withVersion(version).withStatus(status);
        try {
            store.saveVersion(new StoredDefinition(org, saved.id(), version, WireName.of(saved.status()),
                    definitions.write(saved), clock.now()));
        } catch (ConcurrentUpdateException e) {
            throw new ConcurrentUpdateException("automation " + saved.id() + " was saved by someone else meanwhile"
                    + " (version " + version + " exists); read it again and retry");
        }
        heads.put(key(org, saved.id()), new Head(CompiledAutomation.compile(saved, defaultOrganizationId), saved.status()));
        rebuildRoutes();
        return new SavedAutomation(org, saved, true, warnings);
    }

    /** Sets an automation's status; returns the previous status. */
    public synchronized AutomationStatus setStatus(String organizationId, String automationId, AutomationStatus status) {
        Head head = head(organizationId, automationId);
        if (!store.setStatus(organizationId, automationId, WireName.of(status))) {
            throw new AutomationException("no automation \"" + automationId + "\" in organization \"" + organizationId + "\"");
        }
        heads.put(key(organizationId, automationId), new Head(head.latest(), status));
        rebuildRoutes();
        return head.status();
    }

    /**
     * The automation's status as this node knows it. One this node has not seen yet (saved on another node
     * since the last refresh) is read from the store first: an automation absent from the store too counts
     * as archived.
     */
    public AutomationStatus status(String organizationId, String automationId) {
        Head head = known(organizationId, automationId);
        return head == null ? AutomationStatus.ARCHIVED : head.status();
    }

    public Optional<CompiledAutomation> latest(String organizationId, String automationId) {
        return Optional.ofNullable(heads.get(key(organizationId, automationId))).map(Head::latest);
    }

    /** A pinned version, compiled once. */
    public CompiledAutomation version(String organizationId, String automationId, int version) {
        Head head = heads.get(key(organizationId, automationId));
        if (head != null && head.latest().version() == version) {
            return head.latest();
        }
        return versions.get(new VersionKey(organizationId, automationId, version));
    }

    /** Active automations of the organization with this trigger type. */
    public List<CompiledAutomation> routes(String organizationId, TriggerType type) {
        return routes.getOrDefault(new RouteKey(organizationId, type), List.of());
    }

    /** Every automation's latest version with its status. */
    public List<CompiledAutomation> all() {
        return heads.values().stream().map(Head::latest).toList();
    }

    /** Reloads heads and statuses from the store (at start, and to see other nodes' changes). */
    public synchronized void refresh() {
        for (StoredDefinition stored : store.latestOfAll()) {
            ScopedKey k = key(stored.organizationId(), stored.automationId());
            heads.put(k, headOf(stored, heads.get(k)));
        }
        rebuildRoutes();
    }

    private List<Automation> others(String organizationId) {
        List<Automation> others = new ArrayList<>();
        for (Head head : heads.values()) {
            if (head.latest().organizationId().equals(organizationId) && head.status() != AutomationStatus.ARCHIVED) {
                others.add(head.latest().automation());
            }
        }
        return others;
    }

    private CompiledAutomation load(VersionKey key) {
        StoredDefinition stored = store.find(key.organizationId(), key.automationId(), key.version())
                .orElseThrow(() -> new AutomationException("automation " + key.automationId() + " version "
                        + key.version() + " is not in the definition store"));
        Automation automation = definitions.read(stored.json()).withVersion(stored.version());
        return CompiledAutomation.compile(automation, defaultOrganizationId);
    }

    private Head head(String organizationId, String automationId) {
        Head head = known(organizationId, automationId);
        if (head == null) {
            throw new AutomationException("no automation \"" + automationId + "\" in organization \"" + organizationId + "\"");
        }
        return head;
    }

    /** The head, read from the store when this node has not seen the automation yet; null when nobody has. */
    private @Nullable Head known(String organizationId, String automationId) {
        Head head = heads.get(key(organizationId, automationId));
        return head != null ? head : loadHead(organizationId, automationId);
    }

    private synchronized @Nullable Head loadHead(String organizationId, String automationId) {
        ScopedKey k = key(organizationId, automationId);
        Head head = heads.get(k);
        if (head != null) {
            return head;
        }
        Optional<StoredDefinition> stored = store.latest(organizationId, automationId);
        if (stored.isEmpty()) {
            return null;
        }
        head = headOf(stored.get(), null);
        heads.put(k, head);
        rebuildRoutes();
        return head;
    }

    private Head headOf(StoredDefinition stored, @Nullable Head current) {
        AutomationStatus status = WireName.parse(AutomationStatus.class, stored.status()).orElse(AutomationStatus.DRAFT);
        CompiledAutomation compiled = current != null && current.latest().version() == stored.version()
                ? current.latest()
                : version(stored.organizationId(), stored.automationId(), stored.version());
        return new Head(compiled, status);
    }

    private void rebuildRoutes() {
        Map<RouteKey, List<CompiledAutomation>> next = new ConcurrentHashMap<>();
        for (Head head : heads.values()) {
            if (head.status() == AutomationStatus.ACTIVE) {
                CompiledAutomation compiled = head.latest();
                next.computeIfAbsent(new RouteKey(compiled.organizationId(), compiled.automation().trigger().type()),
                        k -> new ArrayList<>()).add(compiled);
            }
        }
        next.replaceAll((k, list) -> List.copyOf(list));
        routes = Map.copyOf(next);
    }

    private static ScopedKey key(String organizationId, String automationId) {
        return new ScopedKey(organizationId, automationId);
    }
}
