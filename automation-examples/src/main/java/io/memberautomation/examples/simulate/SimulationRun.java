package io.memberautomation.examples.simulate;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.AutomationEngineBuilder;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.action.SecretResolver;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulation: builds a real engine on the in-memory store with a {@link TestClock}, seeds it with the
 * scenario, then walks the virtual clock from {@code start} to {@code until}, stopping at every timeline
 * entry and every timer, and runs what is due on this thread. Nothing sleeps and no thread is started,
 * so a month of simulated time takes milliseconds and every run of a scenario is the same.
 */
final class SimulationRun {
    private static final Set<ExecutionStatus> UNFINISHED = Set.of(ExecutionStatus.PENDING, ExecutionStatus.RUNNING,
            ExecutionStatus.WAITING, ExecutionStatus.PAUSED);

    /**
     * Every {@code secretRef} resolves, to one fixed key: a dry run signs but sends nothing, and an automation
     * should not fail its simulation for want of a secret that only production holds.
     */
    private static final SecretResolver SIMULATED_SECRETS =
            (organizationId, secretRef) -> Optional.of("simulated-signing-key".getBytes(StandardCharsets.UTF_8));

    private final Scenario scenario;
    private final String org;
    private final TestClock clock;
    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final InMemoryMemberDirectory members = new InMemoryMemberDirectory();
    private final AutomationEngine engine;

    SimulationRun(Scenario scenario) {
        this.scenario = scenario;
        this.org = scenario.organizationId();
        this.clock = TestClock.at(scenario.start());
        InMemoryTemplateStore templates = new InMemoryTemplateStore();
        for (Template template : scenario.templates()) {
            templates.put(org, template);
        }
        AtomicInteger ids = new AtomicInteger();
        AutomationEngineBuilder builder = AutomationEngine.builder()
                .clock(clock)
                .persistence(persistence)
                .members(members)
                .templates(templates)
                .webhooks(new ScriptedWebhookTransport(scenario.webhooks()))
                .secrets(SIMULATED_SECRETS)
                .ids(() -> String.format("exec-%04d", ids.incrementAndGet()))
                .nodeId("simulate")
                .workerThreads(1)
                .defaultOrganizationId(org)
                .organization(org, scenario.timezone())
                .sendPolicy(org, scenario.sendPolicy());
        for (Segment segment : scenario.segments()) {
            builder.segment(segment);
        }
        this.engine = builder.build();
    }

    /** Runs the scenario to its end and reports what happened. */
    SimulationResult run() {
        try (engine) {
            for (Member member : scenario.members()) {
                members.put(member);
            }
            for (Scenario.AutomationDocument document : scenario.automations()) {
                save(document);
            }
            engine.runDue();
            walkClock();
            return new SimulationResult(new Report(engine, persistence, members, org).build(), scenario.warnings());
        }
    }

    /**
     * Moves the clock to the earliest of the next timeline entry and the next timer, until that is at or
     * after {@code until}; at each stop applies the entries of that instant in order, then runs what is due.
     */
    private void walkClock() {
        ClockWalk.walk(engine, clock, persistence.timers(), new TimelineAgenda(scenario.timeline()),
                scenario.until());
    }

    /** The scenario's timeline, entry by entry. */
    private final class TimelineAgenda implements ClockWalk.Agenda {
        private final List<TimelineEntry> timeline;
        private int next;

        TimelineAgenda(List<TimelineEntry> timeline) {
            this.timeline = timeline;
        }

        @Override
        public Optional<Instant> nextAt() {
            return next < timeline.size() ? Optional.of(timeline.get(next).at()) : Optional.empty();
        }

        @Override
        public void runAt(Instant now) {
            while (next < timeline.size() && timeline.get(next).at().equals(now)) {
                apply(timeline.get(next++));
            }
        }
    }

    private void apply(TimelineEntry entry) {
        TimelineEntry.Action action = entry.action();
        try {
            if (action instanceof TimelineEntry.Publish publish) {
                engine.publish(publish.event());
            } else if (action instanceof TimelineEntry.Update update) {
                changed(members.apply(org, update.memberId(), update.patch()), entry);
            } else if (action instanceof TimelineEntry.Create create) {
                changed(members.put(create.member()), entry);
            } else if (action instanceof TimelineEntry.Run run) {
                engine.runManually(org, run.automationId(), run.memberId());
            } else if (action instanceof TimelineEntry.Pause pause) {
                pause(pause);
            } else if (action instanceof TimelineEntry.Resume resume) {
                resume(resume);
            } else if (action instanceof TimelineEntry.Cancel cancel) {
                unfinished(cancel.automationId(), cancel.memberId())
                        .forEach(execution -> engine.cancelExecution(execution.id()));
            } else {
                save(((TimelineEntry.Save) action).document());
            }
        } catch (AutomationException e) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(entry.path(), "refused",
                    "the engine refused this entry at " + entry.at() + ": " + e.getMessage())));
        }
    }

    private void changed(MemberChange change, TimelineEntry entry) {
        engine.memberChanged(change, Optional.of("timeline-" + entry.index()));
    }

    private void pause(TimelineEntry.Pause pause) {
        if (pause.memberId().isEmpty()) {
            engine.pause(org, pause.automationId());
            return;
        }
        unfinished(pause.automationId(), pause.memberId()).forEach(execution -> engine.pauseExecution(execution.id()));
    }

    private void resume(TimelineEntry.Resume resume) {
        if (resume.memberId().isEmpty()) {
            engine.resume(org, resume.automationId());
            return;
        }
        unfinished(resume.automationId(), resume.memberId()).stream()
                .filter(execution -> execution.status() == ExecutionStatus.PAUSED)
                .forEach(execution -> engine.resumeExecution(execution.id()));
    }

    /** The unfinished executions of an automation, of one member or of all, oldest first. */
    private List<ExecutionRecord> unfinished(String automationId, Optional<String> memberId) {
        List<ExecutionRecord> found = new ArrayList<>();
        ExecutionQuery query = new ExecutionQuery(org, Optional.of(automationId), memberId, UNFINISHED,
                Optional.empty(), Optional.empty(), ExecutionQuery.MAX_LIMIT, Optional.empty());
        while (true) {
            var page = engine.executions(query);
            found.addAll(page.executions());
            if (page.nextCursor().isEmpty()) {
                return found;
            }
            query = query.withCursor(page.nextCursor().get());
        }
    }

    private void save(Scenario.AutomationDocument document) {
        engine.save(document.json());
        if (document.active()) {
            engine.activate(org, document.id());
        }
    }
}
