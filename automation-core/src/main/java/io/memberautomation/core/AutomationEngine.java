package io.memberautomation.core;

import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.ValidationReport;
import io.memberautomation.core.interpreter.CompiledAutomation;
import io.memberautomation.core.interpreter.ExecutionControl;
import io.memberautomation.core.interpreter.Workers;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.core.registry.SavedAutomation;
import io.memberautomation.core.schedule.Scheduler;
import io.memberautomation.core.trigger.Enroller;
import io.memberautomation.core.trigger.MemberChangeRouter;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.StepLogEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The member automation engine. Build one with {@link #builder()}; every collaborator has an in-memory
 * default, so {@code AutomationEngine.builder().build()} runs with no setup.
 *
 * <pre>{@code
 * try (AutomationEngine engine = AutomationEngine.builder().build()) {
 *     engine.save(json);                      // validated; a changed document makes a new version
 *     engine.activate("default", "welcome");
 *     engine.start();                         // worker threads; or drive it with runDue() and a TestClock
 *     engine.publish(TriggerEvent.of("evt-1", "default", TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every method may be called before {@link #start()}: work queues up durably and runs
 * once workers start, or on the calling thread with {@link #runDue()}.
 */
public final class AutomationEngine implements AutoCloseable {
    private final EngineParts parts;

    AutomationEngine(EngineParts parts) {
        this.parts = parts;
    }

    public static AutomationEngineBuilder builder() {
        return new AutomationEngineBuilder();
    }

    /** Starts the worker and housekeeping threads. */
    public AutomationEngine start() {
        parts.workers().start();
        return this;
    }

    /** Stops the threads, waiting a bounded time for running steps; durable work resumes on the next start. */
    @Override
    public void close() {
        parts.workers().close();
        parts.onClose().run();
    }

    // ---- definitions ----------------------------------------------------------------------------

    /** Validates a definition document without saving it. */
    public ValidationReport validate(String json) {
        return parts.definitions().validate(json);
    }

    /**
     * Validates and saves a definition document. A changed document makes a new version; running
     * executions stay on the version they started with.
     *
     * @throws io.memberautomation.core.definition.InvalidDefinitionException with every problem; nothing is saved
     */
    public SavedAutomation save(String json) {
        return save(parts.definitions().read(json));
    }

    public SavedAutomation save(Automation automation) {
        String org = parts.registry().organizationOf(automation);
        boolean existed = parts.registry().latest(org, automation.id()).isPresent();
        AutomationStatus before = parts.registry().status(org, automation.id());
        SavedAutomation saved = parts.registry().save(automation);
        AutomationStatus after = saved.automation().status();
        if (existed && before != after) {
            onStatusChange(org, automation.id(), before, after);
        }
        plan(saved.organizationId(), saved.automation().id());
        return saved;
    }

    /** The latest version of an automation. */
    public Optional<Automation> automation(String organizationId, String automationId) {
        return parts.registry().latest(organizationId, automationId).map(CompiledAutomation::automation)
                .map(a -> a.withStatus(parts.registry().status(organizationId, automationId)));
    }

    /** Makes an automation enroll members. */
    public void activate(String organizationId, String automationId) {
        AutomationStatus before = parts.registry().setStatus(organizationId, automationId, AutomationStatus.ACTIVE);
        onStatusChange(organizationId, automationId, before, AutomationStatus.ACTIVE);
        plan(organizationId, automationId);
    }

    /** Stops enrolling; executions hold, status {@code paused}, when they reach their next step. */
    public void pause(String organizationId, String automationId) {
        parts.registry().setStatus(organizationId, automationId, AutomationStatus.PAUSED);
    }

    /** Ends a pause: held executions go on at once; a delay that already ran out is not started again. */
    public void resume(String organizationId, String automationId) {
        activate(organizationId, automationId);
    }

    /** Retires an automation and cancels its unfinished executions. */
    public void archive(String organizationId, String automationId) {
        parts.registry().setStatus(organizationId, automationId, AutomationStatus.ARCHIVED);
        cancelUnfinished(organizationId, automationId);
    }

    /** What a status change means for running executions, however the status was changed. */
    private void onStatusChange(String organizationId, String automationId, AutomationStatus before,
                                AutomationStatus after) {
        if (before == AutomationStatus.PAUSED && after == AutomationStatus.ACTIVE) {
            releaseHeld(organizationId, automationId);
        } else if (after == AutomationStatus.ARCHIVED && before != AutomationStatus.ARCHIVED) {
            cancelUnfinished(organizationId, automationId);
        }
    }

    private void cancelUnfinished(String organizationId, String automationId) {
        for (ExecutionRecord execution : parts.control().unfinished(organizationId, automationId, Set.of())) {
            try {
                parts.control().cancel(execution.id(), "automation archived");
            } catch (AutomationException e) {
                // finished meanwhile: nothing to cancel
            }
        }
    }

    // ---- triggers -------------------------------------------------------------------------------

    /**
     * Publishes a trigger event. When this returns, the executions it enrolled are durable in the store;
     * an event id seen before enrolls nothing.
     */
    public EnrollmentResult publish(TriggerEvent event) {
        checkPublishable(event);
        EnrollmentResult result = parts.enroller().publish(event, 0);
        parts.workers().wake();
        return result;
    }

    /**
     * Publishes several trigger events with the outcome of {@link #publish} called for each in the given
     * order (an event id seen before, or earlier in the list, enrolls nothing), in one store call: a durable
     * store enrolls them in one transaction, which is what makes a high event rate affordable. Nothing is
     * published when one of them is of a type that is not published.
     *
     * @return one result per event, in the order given
     */
    public List<EnrollmentResult> publishAll(List<TriggerEvent> events) {
        events.forEach(AutomationEngine::checkPublishable);
        if (events.isEmpty()) {
            return List.of();
        }
        List<EnrollmentResult> results = parts.enroller().publishAll(events, 0);
        parts.workers().wake();
        return results;
    }

    private static void checkPublishable(TriggerEvent event) {
        if (event.type() == TriggerType.SCHEDULED || event.type() == TriggerType.MANUAL) {
            throw new AutomationException("a " + event.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " trigger is not published: use runManually, or let the scheduler fire it");
        }
    }

    /**
     * Reports a change the host made to a member. The engine derives {@code member_created},
     * {@code member_updated}, {@code member_status_changed}, segment joins and leaves and milestones from
     * it, and checks the exit criteria of the member's running executions at once.
     *
     * @param changeId a unique id of the change, so a change reported twice is routed once; empty if none
     */
    public void memberChanged(MemberChange change, Optional<String> changeId) {
        parts.changes().onChange(change, 0, changeId);
    }

    /** Runs an active automation for one member now, whatever its trigger; its trigger conditions must hold. */
    public EnrollmentResult runManually(String organizationId, String automationId, String memberId) {
        CompiledAutomation automation = parts.registry().latest(organizationId, automationId)
                .orElseThrow(() -> new AutomationException("no automation \"" + automationId + "\" in organization \""
                        + organizationId + "\""));
        if (parts.registry().status(organizationId, automationId) != AutomationStatus.ACTIVE) {
            throw new AutomationException("automation \"" + automationId + "\" is not active");
        }
        TriggerEvent event = new TriggerEvent(Optional.empty(), organizationId, TriggerType.MANUAL,
                Optional.of(memberId), java.util.Map.of(), Optional.empty());
        EnrollmentResult result = parts.enroller().enroll(event, List.of(automation), 0, true);
        parts.workers().wake();
        return result;
    }

    // ---- executions -----------------------------------------------------------------------------

    public Optional<ExecutionRecord> execution(String executionId) {
        return parts.persistence().executions().find(executionId);
    }

    /** Every step attempt of an execution, in order. */
    public List<StepLogEntry> history(String executionId) {
        return parts.persistence().executions().stepLogs(executionId);
    }

    /** Executions by automation, member, status and creation window, page by page. */
    public ExecutionPage executions(ExecutionQuery query) {
        return parts.persistence().executions().query(query);
    }

    public ExecutionRecord pauseExecution(String executionId) {
        return parts.control().pause(executionId);
    }

    public ExecutionRecord resumeExecution(String executionId) {
        ExecutionRecord record = parts.control().resume(executionId);
        parts.workers().wake();
        return record;
    }

    public ExecutionRecord cancelExecution(String executionId) {
        return parts.control().cancel(executionId, "cancelled");
    }

    /** Runs a failed execution again from its failed step. */
    public ExecutionRecord retryExecution(String executionId) {
        ExecutionRecord record = parts.control().retry(executionId);
        parts.workers().wake();
        return record;
    }

    // ---- driving --------------------------------------------------------------------------------

    /**
     * Runs everything due at the clock's current time on the calling thread, until nothing is: timers,
     * schedules, queued executions. With a {@link TestClock} this drives the engine deterministically.
     *
     * @return how many execution passes ran
     */
    public int runDue() {
        return parts.workers().drain();
    }

    /** Whether no work is queued or running (timers may still be pending). */
    public boolean isIdle() {
        return parts.workers().isIdle();
    }

    public Clock clock() {
        return parts.clock();
    }

    private void plan(String organizationId, String automationId) {
        parts.registry().latest(organizationId, automationId).ifPresent(parts.scheduler()::plan);
    }

    private void releaseHeld(String organizationId, String automationId) {
        for (ExecutionRecord held : parts.control().unfinished(organizationId, automationId,
                Set.of(ExecutionStatus.PAUSED))) {
            if (!held.userPaused()) {
                parts.persistence().queue().enqueue(held.id(), organizationId, parts.clock().now());
            }
        }
        parts.workers().wake();
    }

    /** Everything the facade delegates to, wired by the builder. */
    record EngineParts(AutomationDefinitions definitions, AutomationRegistry registry, Persistence persistence,
                       Enroller enroller, MemberChangeRouter changes, ExecutionControl control, Workers workers,
                       Scheduler scheduler, Clock clock, Runnable onClose) {}
}
