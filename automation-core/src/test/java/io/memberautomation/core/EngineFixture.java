package io.memberautomation.core;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.store.RecordingEmailSender;
import io.memberautomation.core.store.RecordingSmsSender;
import io.memberautomation.core.store.RecordingTaskSink;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An engine on in-memory defaults driven by a test clock, with handles on what it did. */
final class EngineFixture implements AutoCloseable {
    static final String ORG = "default";
    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    final TestClock clock = TestClock.at(START);
    final InMemoryPersistence persistence = new InMemoryPersistence();
    final InMemoryMemberDirectory members = new InMemoryMemberDirectory();
    final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    final RecordingEmailSender email = new RecordingEmailSender();
    final RecordingTaskSink tasks = new RecordingTaskSink();
    final RecordingSmsSender sms = new RecordingSmsSender();
    final AutomationEngine engine;
    private final AtomicInteger ids = new AtomicInteger();

    EngineFixture(ActionHandler... handlers) {
        this(builder -> { }, handlers);
    }

    EngineFixture(Consumer<AutomationEngineBuilder> customize, ActionHandler... handlers) {
        templates.put(ORG, new Template("welcome", "Welcome, {{member.first_name}}", "Hello {{member.first_name}}!",
                Optional.empty()));
        templates.put(ORG, new Template("reminder", "Reminder", "Your renewal is due.", Optional.empty()));
        AutomationEngineBuilder builder = AutomationEngine.builder()
                .clock(clock)
                .persistence(persistence)
                .members(members)
                .templates(templates)
                .email(email)
                .tasks(tasks)
                .sms(sms)
                .ids(() -> String.format("exec-%04d", ids.incrementAndGet()));
        for (ActionHandler handler : handlers) {
            builder.actionHandler(handler);
        }
        customize.accept(builder);
        engine = builder.build();
    }

    Member member(String id, Map<String, Object> fields) {
        Member member = new Member(id, ORG, fields);
        members.put(member);
        return member;
    }

    /** Saves and activates a definition document. */
    void activate(String json) {
        var saved = engine.save(json);
        engine.activate(saved.organizationId(), saved.automation().id());
    }

    void publish(String eventId, TriggerType type, String memberId, Map<String, Object> payload) {
        engine.publish(TriggerEvent.of(eventId, ORG, type, memberId, payload));
        engine.runDue();
    }

    void advance(Duration duration) {
        clock.advance(duration);
        engine.runDue();
    }

    /**
     * Runs like an engine that never stops until {@code until}: steps the clock to each due timer in turn
     * (so schedules fire on time, never as misfires), then to {@code until}.
     */
    void runUntil(Instant until) {
        engine.runDue();
        for (int round = 0; ; round++) {
            if (round > 100_000) {
                throw new AssertionError("timers keep coming due at " + clock.now() + "; is one stuck?");
            }
            Optional<Instant> next = persistence.timers().nextDueAt().filter(due -> !due.isAfter(until));
            if (next.isEmpty()) {
                break;
            }
            if (next.get().isAfter(clock.now())) {
                clock.set(next.get());
            }
            engine.runDue();
        }
        if (until.isAfter(clock.now())) {
            clock.set(until);
        }
        engine.runDue();
    }

    List<ExecutionRecord> executions() {
        List<ExecutionRecord> all = new ArrayList<>();
        ExecutionQuery query = ExecutionQuery.all(ORG, 1000);
        while (true) {
            var page = engine.executions(query);
            all.addAll(page.executions());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            query = query.withCursor(page.nextCursor().get());
        }
    }

    ExecutionRecord only() {
        List<ExecutionRecord> all = executions();
        if (all.size() != 1) {
            throw new AssertionError("expected one execution, found " + all.size());
        }
        return engine.execution(all.get(0).id()).orElseThrow();
    }

    List<String> stepTrail(String executionId) {
        return engine.history(executionId).stream().map(e -> e.stepId() + ":" + e.status().name().toLowerCase())
                .toList();
    }

    List<StepLogEntry> history(String executionId) {
        return engine.history(executionId);
    }

    @Override
    public void close() {
        engine.close();
    }
}
