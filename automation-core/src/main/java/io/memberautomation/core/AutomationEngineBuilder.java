package io.memberautomation.core;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.Channels;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.core.action.Redaction;
import io.memberautomation.core.action.SecretResolver;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.DefinitionLimits;
import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.interpreter.ExecutionControl;
import io.memberautomation.core.interpreter.InterpreterServices;
import io.memberautomation.core.interpreter.Organizations;
import io.memberautomation.core.interpreter.StepInterpreter;
import io.memberautomation.core.interpreter.WorkerSettings;
import io.memberautomation.core.interpreter.Workers;
import io.memberautomation.core.policy.SendGate;
import io.memberautomation.core.policy.SendPolicy;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.core.registry.RegistryRefresh;
import io.memberautomation.core.schedule.Scheduler;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryMessageLedger;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.store.RecordingAdminNotifier;
import io.memberautomation.core.store.RecordingEmailSender;
import io.memberautomation.core.store.RecordingSmsSender;
import io.memberautomation.core.store.RecordingTaskSink;
import io.memberautomation.core.trigger.Enroller;
import io.memberautomation.core.trigger.MemberChangeRouter;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.core.trigger.TriggerLoops;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.IdGenerator;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.delivery.AdminNotifier;
import io.memberautomation.spi.delivery.EmailSender;
import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.delivery.SmsSender;
import io.memberautomation.spi.delivery.TaskSink;
import io.memberautomation.spi.delivery.TemplateStore;
import io.memberautomation.spi.delivery.WebhookTransport;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.Persistence;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds an {@link AutomationEngine}. Every setting has a named default; each may be set once (a second
 * call is a mistake and throws). Defaults: in-memory persistence, member directory and templates;
 * recording email, SMS, task and admin channels; {@link DefaultWebhookTransport} for webhooks, which reaches
 * public addresses only (give {@link #webhooks} one built with {@code allow(...)} to reach others); no webhook
 * signing secrets; {@link Redaction#DEFAULT_SENSITIVE_FIELDS}; the system clock.
 */
public final class AutomationEngineBuilder {
    public static final String DEFAULT_ORGANIZATION_ID = "default";
    public static final int DEFAULT_WORKER_THREADS = 2;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_SHUTDOWN_WAIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** Members read and enrolled per batch when a cron schedule fires for an audience. */
    public static final int DEFAULT_AUDIENCE_BATCH = 500;
    /**
     * How often a running engine reloads automations from the definition store, to see what other nodes
     * saved, activated, paused or archived. On one node every change is seen at once.
     */
    public static final Duration DEFAULT_DEFINITION_REFRESH = Duration.ofSeconds(5);
    /** How many times engine-made member changes may cascade into new enrollments. */
    public static final int DEFAULT_MAX_CAUSAL_DEPTH = 5;

    private final Map<String, Object> set = new LinkedHashMap<>();
    private final List<ActionHandler> customHandlers = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final Map<String, ZoneId> organizationZones = new LinkedHashMap<>();
    private final Map<String, SendPolicy> sendPolicies = new LinkedHashMap<>();
    private boolean discoverHandlers;

    AutomationEngineBuilder() {}

    private AutomationEngineBuilder once(String name, Object value) {
        Objects.requireNonNull(value, name);
        if (set.putIfAbsent(name, value) != null) {
            throw new IllegalStateException(name + " was already set");
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String name, T fallback) {
        return (T) set.getOrDefault(name, fallback);
    }

    public AutomationEngineBuilder persistence(Persistence persistence) {
        return once("persistence", persistence);
    }

    /**
     * The host's members. When this is the persistence's {@link Persistence#transactionalMembers() transactional
     * directory} (e.g. {@code JdbcPersistence.memberDirectory()}), member actions commit with their step
     * records and are exactly-once; with any other directory they are at-least-once.
     */
    public AutomationEngineBuilder members(MemberDirectory members) {
        return once("members", members);
    }

    public AutomationEngineBuilder templates(TemplateStore templates) {
        return once("templates", templates);
    }

    public AutomationEngineBuilder email(EmailSender email) {
        return once("email", email);
    }

    public AutomationEngineBuilder sms(SmsSender sms) {
        return once("sms", sms);
    }

    public AutomationEngineBuilder webhooks(WebhookTransport webhooks) {
        return once("webhooks", webhooks);
    }

    /**
     * The signing secrets for webhooks whose definition names a {@code secretRef}; by default none, so such
     * a webhook fails with {@code unknown secretRef <name>}.
     */
    public AutomationEngineBuilder secrets(SecretResolver secrets) {
        return once("secrets", secrets);
    }

    /**
     * The member fields whose values step logs and log lines never show (compared case-insensitively, by
     * the last part of a path). Replaces {@link Redaction#DEFAULT_SENSITIVE_FIELDS}; names that look like a
     * secret's ({@code authorization}, {@code api_key}, {@code token}, ...) are redacted whatever this says.
     */
    public AutomationEngineBuilder sensitiveFields(Set<String> fields) {
        return once("sensitiveFields", Set.copyOf(fields));
    }

    public AutomationEngineBuilder tasks(TaskSink tasks) {
        return once("tasks", tasks);
    }

    public AutomationEngineBuilder adminNotifier(AdminNotifier admin) {
        return once("admin", admin);
    }

    public AutomationEngineBuilder clock(Clock clock) {
        return once("clock", clock);
    }

    /** Execution ids; by default {@link IdGenerator#timeOrdered time-ordered UUIDs} from the engine's clock. */
    public AutomationEngineBuilder ids(IdGenerator ids) {
        return once("ids", ids);
    }

    /** This node's id, the owner of its leases; a random one by default. */
    public AutomationEngineBuilder nodeId(String nodeId) {
        return once("nodeId", nodeId);
    }

    /** Threads that claim and run queued executions ({@value #DEFAULT_WORKER_THREADS}). */
    public AutomationEngineBuilder workerThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + threads);
        }
        return once("threads", threads);
    }

    /**
     * Executions a worker claims at once and commits together ({@value #DEFAULT_BATCH_SIZE}). On a durable store a
     * larger batch spreads each statement over more executions: with 4 workers on PostgreSQL, claims of 256 drained
     * a backlog about 1.3 times as fast as claims of 64 (BENCHMARKS.md). But a worker then holds more leases while
     * it runs them one after another, each execution's commit waits for the whole batch, and a crashed node leaves
     * more work to be claimed again when its leases lapse.
     */
    public AutomationEngineBuilder claimBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("claimBatchSize must be at least 1: " + batchSize);
        }
        return once("batch", batchSize);
    }

    /** Members read and enrolled per batch when a cron schedule fires ({@value #DEFAULT_AUDIENCE_BATCH}). */
    public AutomationEngineBuilder audienceBatch(int batch) {
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("audienceBatch must be within 1..10000: " + batch);
        }
        return once("audienceBatch", batch);
    }

    public AutomationEngineBuilder lease(Duration lease) {
        return once("lease", lease);
    }

    public AutomationEngineBuilder pollInterval(Duration pollInterval) {
        return once("poll", pollInterval);
    }

    /**
     * How often the engine reloads automations from the definition store (default
     * {@link #DEFAULT_DEFINITION_REFRESH}), measured on the engine's clock. Nodes sharing a database see one
     * another's saves and status changes within this interval.
     */
    public AutomationEngineBuilder definitionRefresh(Duration interval) {
        return once("definitionRefresh", interval);
    }

    public AutomationEngineBuilder shutdownWait(Duration shutdownWait) {
        return once("shutdownWait", shutdownWait);
    }

    public AutomationEngineBuilder webhookTimeout(Duration timeout) {
        return once("webhookTimeout", timeout);
    }

    /** The limit on cascades of engine-made member changes ({@value #DEFAULT_MAX_CAUSAL_DEPTH} by default). */
    public AutomationEngineBuilder maxCausalDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("maxCausalDepth must not be negative: " + depth);
        }
        return once("maxCausalDepth", depth);
    }

    /** The organization used for definitions that name none ({@value #DEFAULT_ORGANIZATION_ID} by default). */
    public AutomationEngineBuilder defaultOrganizationId(String organizationId) {
        return once("defaultOrganization", organizationId);
    }

    public AutomationEngineBuilder definitionLimits(DefinitionLimits limits) {
        return once("limits", limits);
    }

    /** Registers an organization's timezone (UTC otherwise). */
    public AutomationEngineBuilder organization(String organizationId, ZoneId zone) {
        if (organizationZones.putIfAbsent(organizationId, zone) != null) {
            throw new IllegalStateException("organization " + organizationId + " was already registered");
        }
        return this;
    }

    /** An organization's sending rules: frequency caps, quiet hours, rate limits (none by default). */
    public AutomationEngineBuilder sendPolicy(String organizationId, SendPolicy policy) {
        if (sendPolicies.putIfAbsent(organizationId, Objects.requireNonNull(policy, "policy")) != null) {
            throw new IllegalStateException("the send policy of " + organizationId + " was already set");
        }
        return this;
    }

    /** Where sends are counted for frequency caps; in memory by default, durable with a store's ledger. */
    public AutomationEngineBuilder messageLedger(MessageLedger ledger) {
        return once("ledger", ledger);
    }

    public AutomationEngineBuilder segment(Segment segment) {
        segments.add(Objects.requireNonNull(segment, "segment"));
        return this;
    }

    /** Registers a custom action handler. */
    public AutomationEngineBuilder actionHandler(ActionHandler handler) {
        customHandlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Also registers every {@link ActionHandler} found by {@link java.util.ServiceLoader}; off by default. */
    public AutomationEngineBuilder discoverActionHandlers() {
        discoverHandlers = true;
        return this;
    }

    public AutomationEngine build() {
        Clock clock = get("clock", Clock.system());
        Persistence persistence = get("persistence", null);
        if (persistence == null) {
            persistence = new InMemoryPersistence();
        }
        MemberDirectory members = get("members", null);
        if (members == null) {
            members = new InMemoryMemberDirectory();
        }
        String defaultOrganization = get("defaultOrganization", DEFAULT_ORGANIZATION_ID);
        Organizations organizations = new Organizations(organizationZones);

        List<AutoCloseable> owned = new ArrayList<>();
        WebhookTransport webhooks = get("webhooks", null);
        if (webhooks == null) {
            DefaultWebhookTransport transport = DefaultWebhookTransport.builder().build();
            owned.add(transport);
            webhooks = transport;
        }
        PlaceholderRenderer renderer = new PlaceholderRenderer();
        Channels channels = new Channels(get("templates", new InMemoryTemplateStore()),
                get("email", new RecordingEmailSender()), get("sms", new RecordingSmsSender()), webhooks,
                get("tasks", new RecordingTaskSink()), get("admin", new RecordingAdminNotifier()),
                get("webhookTimeout", DEFAULT_WEBHOOK_TIMEOUT), get("secrets", SecretResolver.none()));

        ActionHandlerRegistry handlers = new ActionHandlerRegistry();
        handlers.registerBuiltIns(BuiltInActions.channelHandlers(channels, renderer));
        for (ActionHandler handler : customHandlers) {
            handlers.registerCustom(handler, "registered on the builder");
        }
        if (discoverHandlers) {
            handlers.discover(Thread.currentThread().getContextClassLoader());
        }
        AutomationDefinitions definitions = definitions(handlers);

        AutomationRegistry registry = new AutomationRegistry(persistence.definitions(), definitions,
                defaultOrganization, clock, new TriggerLoops(segments));
        registry.refresh();
        Enroller enroller = new Enroller(registry, persistence.executions(), members, organizations, clock,
                get("ids", IdGenerator.timeOrdered(clock)));
        WorkerSettings settings = new WorkerSettings(get("nodeId", "node-" + UUID.randomUUID()),
                get("threads", DEFAULT_WORKER_THREADS), get("batch", DEFAULT_BATCH_SIZE), get("lease", DEFAULT_LEASE),
                get("poll", DEFAULT_POLL_INTERVAL), get("shutdownWait", DEFAULT_SHUTDOWN_WAIT));

        Scheduler scheduler = new Scheduler(registry, persistence.timers(), members, enroller, organizations, clock,
                settings.nodeId(), settings.lease(), get("audienceBatch", DEFAULT_AUDIENCE_BATCH));
        Workers[] workersRef = new Workers[1];
        Runnable wake = () -> {
            if (workersRef[0] != null) {
                workersRef[0].wake();
            }
        };
        MemberChangeRouter changes = new MemberChangeRouter(enroller, registry, persistence.executions(),
                persistence.queue(), organizations, clock, get("maxCausalDepth", DEFAULT_MAX_CAUSAL_DEPTH), segments,
                scheduler::memberChanged, wake);
        MemberDirectory directory = members;
        boolean membersInCommit = persistence.transactionalMembers().filter(shared -> shared == directory).isPresent();
        InterpreterServices services = new InterpreterServices(registry, persistence, members, membersInCommit,
                handlers.asMap(),
                renderer, organizations, clock,
                (change, depth, cause) -> changes.onChange(change, depth + 1, Optional.of(cause)),
                new SendGate(sendPolicies, get("ledger", new InMemoryMessageLedger())),
                Redaction.withSensitiveFields(get("sensitiveFields", Redaction.DEFAULT_SENSITIVE_FIELDS)));
        RegistryRefresh refresh = new RegistryRefresh(registry, clock,
                get("definitionRefresh", DEFAULT_DEFINITION_REFRESH));
        Runnable housekeeping = () -> {
            refresh.run();
            scheduler.fireDue();
        };
        Workers workers = new Workers(new StepInterpreter(services), persistence, clock, settings, housekeeping);
        workersRef[0] = workers;
        Runnable onClose = () -> {
            for (AutoCloseable resource : owned) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new AutomationException("could not close " + resource, e);
                }
            }
        };
        return new AutomationEngine(new AutomationEngine.EngineParts(definitions, registry, persistence, enroller,
                changes, new ExecutionControl(persistence.executions(), clock), workers, scheduler, clock, onClose));
    }

    private AutomationDefinitions definitions(ActionHandlerRegistry handlers) {
        AutomationDefinitions.Builder builder = AutomationDefinitions.builder()
                .limits(get("limits", DefinitionLimits.DEFAULT));
        handlers.custom().forEach((type, handler) -> builder.actionType(type, params -> handler.validateParams(params)
                .stream().map(p -> new ParamProblem(p.param(), ProblemCode.INVALID_PARAM, p.message())).toList()));
        return builder.build();
    }
}
