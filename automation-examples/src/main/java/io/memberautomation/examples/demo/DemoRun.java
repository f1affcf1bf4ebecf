package io.memberautomation.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.examples.simulate.ClockWalk;
import io.memberautomation.examples.simulate.Effects;
import io.memberautomation.jdbc.JdbcMemberDirectory;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of the demo: a membership organisation on the durable JDBC store, its members generated, its six
 * automations saved, and its days simulated on a {@link TestClock} with {@link ClockWalk}: the clock jumps
 * from one due timer or planned activity to the next and the engine runs what is due on this thread, so
 * nothing waits for real time. Afterwards every execution and its step log are read back from the store.
 */
final class DemoRun {
    static final String ORG = "northfield";
    static final String ORG_NAME = "Northfield Society";
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The first simulated day, a Monday: the weekly digest goes out on the first morning. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
    /** Members of this dynamic segment are VIPs: active platinum members. */
    static final String VIP_SEGMENT = """
            { "conditions": [ { "field": "member.tier", "op": "eq", "value": "platinum" },
                              { "field": "member.status", "op": "eq", "value": "active" } ] }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LOAD_PROGRESS_EVERY = 250;

    private final DemoOptions options;
    private final ProgressBar progress;
    private final AtomicLong executionsStarted;

    /**
     * @param executionsStarted counts the executions the engine starts, for the progress bar
     */
    DemoRun(DemoOptions options, ProgressBar progress, AtomicLong executionsStarted) {
        this.options = options;
        this.progress = progress;
        this.executionsStarted = executionsStarted;
    }

    /**
     * Runs the demo to its end.
     *
     * @throws DemoDatabaseException when the database named with {@code --jdbc-url} already holds automations
     *                               or members, or cannot be reached
     */
    DemoResult run() {
        try (HikariDataSource dataSource = open()) {
            JdbcPersistence persistence = persistence(dataSource);
            JdbcMemberDirectory directory = persistence.memberDirectory();
            requireEmpty(persistence, directory);
            Random random = new Random(options.seed());
            MemberGenerator generator = new MemberGenerator(random, FIRST_DAY);
            List<HostMember> roster = load(generator, directory);
            TestClock clock = TestClock.at(FIRST_DAY.atStartOfDay(ZONE).toInstant());
            try (DefaultWebhookTransport webhooks = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
                 AutomationEngine engine = engine(clock, persistence, directory, webhooks)) {
                MembershipActivity activity = new MembershipActivity(engine, directory, ORG, ZONE, random, generator,
                        roster, FIRST_DAY, options.days(), day -> progress.day(day, options.days()));
                try (LocalReceiver receiver = LocalReceiver.start(() -> billingAnswer(clock),
                        () -> activity.weeklyFigures(clock.now()))) {
                    DemoAutomations.load(receiver.origin()).forEach(engine::save);
                    engine.runDue();
                    ClockWalk.walk(engine, clock, persistence.timers(), activity, activity.end());
                    progress.day(options.days(), options.days());
                    progress.finish();
                    return result(engine, roster, activity, receiver);
                }
            }
        }
    }

    private HikariDataSource open() {
        try {
            return DemoDatabase.open(options);
        } catch (RuntimeException e) {
            throw new DemoDatabaseException("cannot connect to " + DemoDatabase.describe(options) + ": "
                    + e.getMessage(), e);
        }
    }

    private JdbcPersistence persistence(HikariDataSource dataSource) {
        try {
            return JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        } catch (AutomationException e) {
            throw new DemoDatabaseException("cannot use " + DemoDatabase.describe(options) + ": " + e.getMessage(), e);
        }
    }

    /** The engine runs every automation it finds in its store, so a database from an earlier run would mix in. */
    private void requireEmpty(JdbcPersistence persistence, JdbcMemberDirectory directory) {
        if (!persistence.definitions().latestOfAll().isEmpty()
                || !directory.page(ORG, Optional.empty(), 1).members().isEmpty()) {
            throw new DemoDatabaseException(DemoDatabase.describe(options) + " already holds automations or members;"
                    + " the demo needs an empty database (or schema)");
        }
    }

    private List<HostMember> load(MemberGenerator generator, JdbcMemberDirectory directory) {
        List<HostMember> roster = new ArrayList<>(options.members() * 11 / 10);
        for (int i = 1; i <= options.members(); i++) {
            HostMember member = generator.existing();
            directory.put(member.toMember(ORG));
            roster.add(member);
            if (i % LOAD_PROGRESS_EVERY == 0 || i == options.members()) {
                progress.loading(i, options.members());
            }
        }
        return roster;
    }

    private AutomationEngine engine(TestClock clock, JdbcPersistence persistence, JdbcMemberDirectory directory,
                                    DefaultWebhookTransport webhooks) {
        JsonNode vip = read(VIP_SEGMENT);
        return AutomationEngine.builder()
                .clock(clock)
                .persistence(persistence)
                // a frequency cap (none in the demo's policy yet) then counts sends in the database, across nodes
                .messageLedger(persistence.messageLedger())
                .members(directory)
                .templates(templates())
                .webhooks(webhooks)
                .ids(() -> String.format(Locale.ROOT, "exec-%06d", executionsStarted.incrementAndGet()))
                .nodeId("demo")
                .workerThreads(1)
                .defaultOrganizationId(ORG)
                .organization(ORG, ZONE)
                .segment(new Segment(ORG, "vip", "VIP members",
                        Optional.of(AutomationDefinitions.standard().readConditionGroup(vip))))
                .discoverActionHandlers()
                .build();
    }

    private static InMemoryTemplateStore templates() {
        InMemoryTemplateStore templates = new InMemoryTemplateStore();
        read(DemoAutomations.resource("/demo/templates.json")).properties().forEach(entry ->
                templates.put(ORG, new Template(entry.getKey(), entry.getValue().get("subject").asText(),
                        entry.getValue().get("body").asText(), Optional.empty())));
        return templates;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AutomationException("the demo's own JSON does not parse: " + e.getMessage(), e);
        }
    }

    /** What the billing system says once it accepts a failed payment: it will charge the card again in 3 days. */
    private static Map<String, Object> billingAnswer(TestClock clock) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZONE);
        return Map.of("received", true, "next_retry_on", today.plusDays(3).toString());
    }

    private DemoResult result(AutomationEngine engine, List<HostMember> roster, MembershipActivity activity,
                              LocalReceiver receiver) {
        Map<String, Automation> automations = new LinkedHashMap<>();
        for (String id : DemoAutomations.IDS) {
            automations.put(id, engine.automation(ORG, id).orElseThrow());
        }
        List<ExecutionRecord> executions = new ArrayList<>();
        List<Effects.Effect> effects = new ArrayList<>();
        ExecutionQuery query = ExecutionQuery.all(ORG, ExecutionQuery.MAX_LIMIT);
        while (true) {
            ExecutionPage page = engine.executions(query);
            for (ExecutionRecord execution : page.executions()) {
                executions.add(execution);
                Automation automation = automations.computeIfAbsent(execution.automationId(),
                        id -> engine.automation(ORG, id).orElseThrow());
                effects.addAll(Effects.of(execution, automation, engine.history(execution.id())));
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.withCursor(page.nextCursor().get());
        }
        effects.sort(Effects.ORDER);
        Map<String, DemoResult.MemberLabel> members = new LinkedHashMap<>();
        roster.forEach(m -> members.put(m.id, new DemoResult.MemberLabel(m.id, m.name(), m.zone)));
        List<Automation> shown = DemoAutomations.IDS.stream().map(automations::get).toList();
        return new DemoResult(ORG_NAME, DemoDatabase.describe(options), FIRST_DAY, options.days(), ZONE,
                options.members(), members, shown, executions, effects, activity.log(), receiver.billingRequestsByKey());
    }

    /** The database cannot be used for the demo; the command reports it as bad input. */
    static final class DemoDatabaseException extends AutomationException {
        DemoDatabaseException(String message) {
            super(message);
        }

        DemoDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
