package io.memberautomation.core.interpreter;

import io.memberautomation.core.action.MemberActions;
import io.memberautomation.core.action.RenderData;
import io.memberautomation.core.action.RetryBackoff;
import io.memberautomation.core.condition.EvaluationContext;
import io.memberautomation.core.condition.Explanation;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.ZoneChoice;
import io.memberautomation.core.policy.SendGate;
import io.memberautomation.core.schedule.DelayTargets;
import io.memberautomation.core.schedule.ZoneResolver;
import io.memberautomation.spi.InfrastructureException;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.member.Channel;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.member.UnknownMemberException;
import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.BranchState;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.MemberUpdate;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import io.memberautomation.spi.store.WorkLease;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One pass over one claimed execution: runs its due branches in a loop until each ends, waits or fails,
 * then records the result in one commit. Confined to one thread.
 *
 * <p>Before an external side effect (a handler that declares itself external) everything done so far
 * is committed, so a crash during the call re-runs only that step, with the same idempotency key.
 *
 * <p>A member action's change goes into the commit that records its step when the directory is the
 * persistence's transactional one ({@link InterpreterServices#membersInCommit()}): exactly-once, and routed
 * from the change the store reports. Otherwise it is applied through the directory at once and recorded
 * with the step afterwards: a crash between the two applies it again on the re-run (at-least-once). Either
 * way the changes are routed (triggers, exit checks) after the pass, at the execution's causal depth.
 */
final class Pass {
    /** The ids of the first branches made once: every step log entry keeps its branch id. */
    private static final String[] BRANCH_IDS = IntStream.range(0, 256).mapToObj(n -> "b" + n).toArray(String[]::new);

    private final InterpreterServices services;
    private final WorkLease lease;
    private final CompiledAutomation automation;
    private final ZoneResolver zones;
    private final Instant now;
    private ExecutionRecord base;
    private Optional<Member> member;

    private final ArrayDeque<Branch> due = new ArrayDeque<>();
    private final List<Branch> waiting = new ArrayList<>();
    private final Map<String, Object> outputs;
    private int stepsRun;
    private int logCount;
    private final List<StepLogEntry> logs = new ArrayList<>();
    private final List<DueTimer> timers = new ArrayList<>();
    /** Member changes made and recorded, to route once the pass is over. */
    private final List<MemberChange> changes = new ArrayList<>();
    private final List<String> changeCauses = new ArrayList<>();
    /** Member changes for the next commit to apply (with {@link InterpreterServices#membersInCommit()}). */
    private final List<MemberUpdate> memberUpdates = new ArrayList<>();
    private final List<String> updateCauses = new ArrayList<>();
    private boolean cancelTimers;
    private boolean dirty;
    private ExecutionStatus terminal;
    /** The status the pass's last commit records. */
    private @Nullable ExecutionStatus finalStatus;
    private ExecutionOutcome outcome;
    private String error;
    /** The params of the action being run: the secrets among them are scrubbed from what is logged. */
    private Map<String, Object> stepParams = Map.of();

    /**
     * @param member the execution's member as read for this pass (empty when it has none, or it no longer
     *               exists)
     */
    Pass(InterpreterServices services, ExecutionRecord execution, WorkLease lease, Optional<Member> member) {
        this.services = services;
        this.member = member;
        this.lease = lease;
        this.base = execution;
        this.automation = services.registry().version(execution.organizationId(), execution.automationId(),
                execution.automationVersion());
        this.zones = new ZoneResolver(automation.timezone(), services.organizations().zone(execution.organizationId()));
        this.now = services.clock().now();
        this.outputs = new LinkedHashMap<>(execution.stepOutputs());
        this.stepsRun = execution.stepsRun();
        this.logCount = execution.logCount();
    }

    /**
     * Runs the execution's due branches. Returns the commit that records the pass, for the caller to make
     * (alone or with other passes' commits) and then report with {@link #committed}; empty when the pass
     * settled its claim itself. Whatever happens, the caller then calls {@link #routeChanges()}.
     */
    Optional<ExecutionCommit> run() {
        if (base.userPaused()) {
            services.persistence().queue().complete(lease);
            return Optional.empty();
        }
        AutomationStatus automationStatus = services.registry().status(base.organizationId(), base.automationId());
        if (automationStatus == AutomationStatus.PAUSED) {
            hold();
            return Optional.empty();
        }
        if (!loadMember()) {
            fail(base.branches().isEmpty() ? automation.automation().entry().id() : base.branches().get(0).stepId(),
                    "member " + base.memberId().orElse("") + " no longer exists");
        } else if (automationStatus == AutomationStatus.ARCHIVED) {
            cancelAll("automation archived");
        } else {
            for (Branch branch : base.branches()) {
                (branch.isDue(now) ? due : waiting).add(branch);
            }
            if (!exitIfGoalMet()) {
                loop();
            }
        }
        return finish();
    }

    /** Takes in what became of the commit {@link #run()} returned. */
    void committed(CommitResult result) {
        if (!result.applied()) {
            memberUpdates.clear();
            updateCauses.clear();
            return;
        }
        committed(result.memberChanges());
        if (finalStatus == ExecutionStatus.FAILED) {
            StepInterpreter.LOG.info("execution {} of {} failed: {}", base.id(), base.automationId(), error);
        }
    }

    /**
     * Tells the engine of the member changes this pass made and recorded (or, through a directory outside
     * the store, made at all), in the order made, at the execution's causal depth. A change that left the
     * member as it was (a tag it had already) is not routed: nothing about the member changed.
     */
    void routeChanges() {
        for (int i = 0; i < changes.size(); i++) {
            MemberChange change = changes.get(i);
            if (change.before().filter(change.after()::equals).isEmpty()) {
                services.changes().memberChanged(change, base.causalDepth(), changeCauses.get(i));
            }
        }
        changes.clear();
        changeCauses.clear();
    }

    private void loop() {
        while (!due.isEmpty() && terminal == null) {
            Branch branch = due.poll();
            if (branch.state() == BranchState.DELAYED) {
                Map<String, Object> detail = Map.of("waitedUntil", branch.dueAt().orElseThrow().toString());
                int seq = log(branch, StepStatus.COMPLETED, detail, null);
                advance(branch, automation.step(branch.stepId()).nextSteps(), seq);
                continue;
            }
            if (exitIfGoalMet()) {
                return;
            }
            if (stepsRun >= automation.automation().maxSteps()) {
                fail(branch.stepId(), "maxSteps (" + automation.automation().maxSteps() + ") exceeded at step "
                        + branch.stepId() + ": the automation loops without end");
                return;
            }
            stepsRun++;
            dirty = true;
            runStep(branch, automation.step(branch.stepId()));
        }
    }

    private void runStep(Branch branch, Step step) {
        if (automation.isWait(step)) {
            runDelay(branch, step);
            return;
        }
        switch (step.type()) {
            case CONDITION -> {
                Explanation explanation = automation.condition(step.id()).explain(evaluation());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("result", explanation.result());
                detail.put("explanation", explanation.toMap());
                int seq = log(branch, StepStatus.COMPLETED, detail, null);
                advance(branch, explanation.result() ? step.nextSteps() : step.elseSteps(), seq);
            }
            case ACTION -> runAction(branch, step, step.action().orElseThrow());
            case DELAY -> runDelay(branch, step);
        }
    }

    private void runDelay(Branch branch, Step step) {
        DelayTargets.Target target = DelayTargets.target(automation.delay(step.id()).orElseThrow(), now, member, zones,
                member.map(Member::fields).orElse(Map.of()));
        if (target instanceof DelayTargets.Target.At at && at.instant().isAfter(now)) {
            Branch delayed = new Branch(branch.id(), branch.stepId(), 1, BranchState.DELAYED, Optional.of(at.instant()));
            waiting.add(delayed);
            timers.add(DueTimer.forExecution(base.id(), base.organizationId(), branch.id(), at.instant()));
            log(branch, StepStatus.WAITING, Map.of("until", at.instant().toString()), null);
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("continuedAtOnce", true);
        if (target instanceof DelayTargets.Target.At at) {
            detail.put("target", at.instant().toString());
            detail.put("reason", "the wait's target time had already passed");
        } else {
            detail.put("reason", ((DelayTargets.Target.Unresolvable) target).reason());
        }
        int seq = log(branch, StepStatus.COMPLETED, detail, null);
        advance(branch, step.nextSteps(), seq);
    }

    private void runAction(Branch branch, Step step, Action action) {
        if (MemberActions.isMemberAction(action.type())) {
            runMemberAction(branch, step, action);
            return;
        }
        ActionHandler handler = services.handlers().get(action.type());
        if (handler == null) {
            onFailure(branch, step, action, new ActionResult.Failure("no handler registered for action type \""
                    + action.type() + "\"", false, Optional.empty(), Map.of()));
            return;
        }
        Optional<Channel> channel = SendGate.channelOf(action.type()).filter(c -> member.isPresent());
        if (channel.isPresent() && heldBack(branch, step, action, channel.get())) {
            return;
        }
        if (handler.external()) {
            flush(branch);
        }
        ActionResult result;
        try {
            Map<String, Object> params = params(step, action);
            stepParams = params;
            ActionContext context = new ActionContext(base.organizationId(), base.automationId(), base.id(), step.id(),
                    branch.attempt(), idempotencyKey(branch, step), params, member, base.trigger(), now);
            result = handler.execute(context);
            if (result == null) {
                result = new ActionResult.Failure("handler for \"" + action.type() + "\" returned no result", true,
                        Optional.empty(), Map.of());
            }
        } catch (InfrastructureException e) {
            throw e;
        } catch (Exception | Error e) {
            // a handler's AssertionError, StackOverflowError or NoClassDefFoundError fails its step, not the worker;
            // only a VM that cannot go on (out of memory, an internal error) is left to end the thread
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            StepInterpreter.LOG.warn("action {} of step {} threw {}", action.type(), step.id(),
                    services.redaction().scrub(e.toString(), secrets()));
            result = new ActionResult.Failure(e.getClass().getSimpleName() + ": " + e.getMessage(), true,
                    Optional.empty(), Map.of());
        }
        if (result instanceof ActionResult.Success success) {
            channel.ifPresent(c -> services.sendGate().sent(base.organizationId(), member.orElseThrow().id(), c, now,
                    idempotencyKey(branch, step)));
            outputs.put(step.id(), success.output());
            int seq = log(branch, StepStatus.COMPLETED, Map.of("output", success.output()), null);
            advance(branch, step.nextSteps(), seq);
        } else if (result instanceof ActionResult.Skipped skipped) {
            int seq = log(branch, StepStatus.SKIPPED, Map.of("reason", skipped.reason()), null);
            advance(branch, step.nextSteps(), seq);
        } else {
            onFailure(branch, step, action, (ActionResult.Failure) result);
        }
        if (handler.external() && terminal == null) {
            // record the side effect at once; a pause or cancel that raced the call surfaces here as a
            // concurrent update, before any later step of this pass runs
            flush(null);
        }
    }

    /**
     * Applies the organization's sending rules; a message held back is skipped (the branch goes on) or
     * deferred (the branch waits on a timer and the step runs again). Returns whether it was held back.
     */
    private boolean heldBack(Branch branch, Step step, Action action, Channel channel) {
        if (member.orElseThrow().optedOut(channel)) {
            return false; // consent first: the handler skips it now, rather than after a deferral
        }
        boolean deferCapped = "defer".equals(action.params().get("whenCapped"));
        SendGate.Decision decision = services.sendGate().check(base.organizationId(), member.orElseThrow().id(),
                channel, deferCapped, now, zones.resolve(ZoneChoice.MEMBER, member));
        if (decision instanceof SendGate.Decision.Skip skip) {
            int seq = log(branch, StepStatus.SKIPPED, Map.of("reason", skip.reason()), null);
            advance(branch, step.nextSteps(), seq);
            return true;
        }
        if (decision instanceof SendGate.Decision.Defer defer) {
            waiting.add(new Branch(branch.id(), branch.stepId(), branch.attempt(), BranchState.RETRY_WAIT,
                    Optional.of(defer.until())));
            timers.add(DueTimer.forExecution(base.id(), base.organizationId(), branch.id(), defer.until()));
            log(branch, StepStatus.WAITING, Map.of("reason", defer.reason(), "until", defer.until().toString()), null);
            return true;
        }
        return false;
    }

    private void runMemberAction(Branch branch, Step step, Action action) {
        if (member.isEmpty()) {
            onFailure(branch, step, action, new ActionResult.Failure(action.type() + " needs a member; this execution"
                    + " has none", false, Optional.empty(), Map.of()));
            return;
        }
        MemberChange change;
        MemberPatch patch;
        try {
            Map<String, Object> params = params(step, action);
            patch = MemberActions.patchFor(action.type(), params,
                    new MemberActions.Context(member, now, zones.automationOrFallback()));
            change = services.membersInCommit()
                    ? new MemberChange(member, patch.applyTo(member.get()))
                    : services.members().apply(base.organizationId(), member.get().id(), patch);
        } catch (InfrastructureException e) {
            throw e;
        } catch (UnknownMemberException e) {
            onFailure(branch, step, action, new ActionResult.Failure(e.getMessage(), false, Optional.empty(), Map.of()));
            return;
        } catch (RuntimeException e) {
            onFailure(branch, step, action, new ActionResult.Failure(e.getMessage() == null ? e.toString()
                    : e.getMessage(), false, Optional.empty(), Map.of()));
            return;
        }
        member = Optional.of(change.after());
        Map<String, Object> output = describe(patch, change);
        outputs.put(step.id(), output);
        int seq = log(branch, StepStatus.COMPLETED, Map.of("output", output), null);
        if (services.membersInCommit()) {
            // applied by the store with the step's log entry, to the member as stored then; routed from what
            // the commit reports
            memberUpdates.add(new MemberUpdate(base.organizationId(), change.after().id(), patch, seq));
            updateCauses.add(idempotencyKey(branch, step));
        } else {
            changes.add(change);
            changeCauses.add(idempotencyKey(branch, step));
        }
        advance(branch, step.nextSteps(), seq);
    }

    /** What a member action did, as its step output: the patch's non-empty parts and the fields that changed. */
    private static Map<String, Object> describe(MemberPatch patch, MemberChange change) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (!patch.set().isEmpty()) {
            output.put("set", patch.set());
        }
        putSorted(output, "unset", patch.unset());
        putSorted(output, "addTags", patch.addTags());
        putSorted(output, "removeTags", patch.removeTags());
        putSorted(output, "addSegments", patch.addSegments());
        putSorted(output, "removeSegments", patch.removeSegments());
        output.put("changedFields", List.copyOf(change.changedFields()));
        return output;
    }

    private static void putSorted(Map<String, Object> output, String key, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            output.put(key, values.stream().sorted().toList());
        }
    }

    private void onFailure(Branch branch, Step step, Action action, ActionResult.Failure failure) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (!failure.output().isEmpty()) {
            detail.put("output", failure.output());
        }
        boolean retry = action.onError() == OnError.RETRY && failure.retryable() && branch.attempt() < action.maxAttempts();
        if (retry) {
            Instant at = RetryBackoff.nextAttemptAt(action.retryPolicy(), branch.attempt(), now,
                    idempotencyKey(branch, step) + ":" + branch.attempt(), failure.retryNotBefore());
            detail.put("nextAttemptAt", at.toString());
            log(branch, StepStatus.RETRY_SCHEDULED, detail, failure.message());
            waiting.add(new Branch(branch.id(), branch.stepId(), branch.attempt() + 1, BranchState.RETRY_WAIT,
                    Optional.of(at)));
            timers.add(DueTimer.forExecution(base.id(), base.organizationId(), branch.id(), at));
            return;
        }
        int seq = log(branch, StepStatus.FAILED, detail, failure.message());
        if (action.onError() == OnError.CONTINUE) {
            advance(branch, step.nextSteps(), seq);
        } else {
            terminal = ExecutionStatus.FAILED;
            error = services.redaction().scrub("step " + step.id() + " failed: " + failure.message(), secrets());
            cancelTimers = true;
        }
    }

    /** Replaces a branch by one per next step; the new ids derive from the log sequence, unique per execution. */
    private void advance(Branch branch, List<String> next, int logSequence) {
        for (int i = 0; i < next.size(); i++) {
            due.add(Branch.ready(branchId(logSequence, i), next.get(i)));
        }
        dirty = true;
    }

    /** {@code b<sequence>}, then {@code .<i>} for the second and later of parallel next steps. */
    private static String branchId(int logSequence, int index) {
        if (index == 0 && logSequence < BRANCH_IDS.length) {
            return BRANCH_IDS[logSequence];
        }
        return "b" + logSequence + (index == 0 ? "" : "." + index);
    }

    private boolean loadMember() {
        return base.memberId().isEmpty() || member.isPresent();
    }

    /** The member as this pass left it, when its changes went through the directory already. */
    Optional<Member> memberIfApplied() {
        return services.membersInCommit() ? Optional.empty() : member;
    }

    private boolean exitIfGoalMet() {
        if (automation.exitWhen().isEmpty() || terminal != null) {
            return false;
        }
        Explanation explanation = automation.exitWhen().get().explain(evaluation());
        if (!explanation.result()) {
            return false;
        }
        String at = due.isEmpty() ? (waiting.isEmpty() ? automation.automation().entry().id() : waiting.get(0).stepId())
                : due.peek().stepId();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", "exit criteria met");
        detail.put("explanation", explanation.toMap());
        logAt(at, "exit", 1, StepStatus.CANCELLED, detail, null);
        terminal = ExecutionStatus.COMPLETED;
        outcome = ExecutionOutcome.EXITED;
        cancelTimers = true;
        return true;
    }

    private void cancelAll(String reason) {
        for (Branch branch : base.branches()) {
            log(branch, StepStatus.CANCELLED, Map.of("reason", reason), null);
        }
        terminal = ExecutionStatus.CANCELLED;
        cancelTimers = true;
    }

    private void fail(String stepId, String message) {
        logAt(stepId, "b0", 1, StepStatus.FAILED, Map.of(), message);
        terminal = ExecutionStatus.FAILED;
        error = message;
        cancelTimers = true;
    }

    /** Holds the execution under an automation-level pause: it stays where it is until resumed. */
    private void hold() {
        if (base.status() == ExecutionStatus.PAUSED) {
            services.persistence().queue().complete(lease);
            return;
        }
        ExecutionRecord held = base.next(ExecutionStatus.PAUSED, Optional.empty(), base.branches(), base.stepOutputs(),
                base.stepsRun(), base.logCount(), base.error(), now);
        services.persistence().executions().commit(new ExecutionCommit(held, List.of(), List.of(), false,
                Optional.of(lease), Optional.empty()));
    }

    /**
     * Makes everything done so far durable, keeping the claim: before an external side effect (with the
     * branch about to run it) and right after one (with none).
     */
    private void flush(@Nullable Branch current) {
        if (!dirty && logs.isEmpty()) {
            return;
        }
        List<Branch> live = new ArrayList<>(due.size() + waiting.size() + 1);
        if (current != null) {
            live.add(current);
        }
        live.addAll(due);
        live.addAll(waiting);
        ExecutionRecord next = base.next(ExecutionStatus.RUNNING, Optional.empty(), live, outputs, stepsRun, logCount,
                Optional.empty(), now);
        commit(new ExecutionCommit(next, logs, timers, cancelTimers, Optional.empty(), Optional.empty(),
                memberUpdates));
        base = next;
        logs.clear();
        timers.clear();
        cancelTimers = false;
        dirty = false;
    }

    private Optional<ExecutionCommit> finish() {
        ExecutionStatus status;
        List<Branch> live;
        if (terminal != null) {
            status = terminal;
            live = List.of();
        } else if (waiting.isEmpty()) {
            status = ExecutionStatus.COMPLETED;
            outcome = ExecutionOutcome.FINISHED;
            live = List.of();
        } else {
            status = ExecutionStatus.WAITING;
            live = List.copyOf(waiting);
        }
        if (!dirty && logs.isEmpty() && status == base.status()) {
            services.persistence().queue().complete(lease);
            return Optional.empty();
        }
        finalStatus = status;
        ExecutionRecord next = base.next(status, Optional.ofNullable(outcome), live, outputs, stepsRun, logCount,
                Optional.ofNullable(error), now);
        return Optional.of(new ExecutionCommit(next, logs, timers, cancelTimers, Optional.of(lease), Optional.empty(),
                memberUpdates));
    }

    /** Commits, and keeps the member changes the commit applied for routing. */
    private void commit(ExecutionCommit commit) {
        List<MemberChange> applied = services.persistence().executions().commit(commit);
        committed(applied);
    }

    private void committed(List<MemberChange> applied) {
        if (applied.size() != updateCauses.size()) {
            throw new IllegalStateException("the store reported " + applied.size() + " member changes for "
                    + updateCauses.size() + " member updates");
        }
        changes.addAll(applied);
        changeCauses.addAll(updateCauses);
        memberUpdates.clear();
        updateCauses.clear();
    }

    private int log(Branch branch, StepStatus status, Map<String, Object> detail, String failure) {
        return logAt(branch.stepId(), branch.id(), branch.attempt(), status, detail, failure);
    }

    private int logAt(String stepId, String branchId, int attempt, StepStatus status, Map<String, Object> detail,
                      String failure) {
        int sequence = logCount++;
        List<String> secrets = secrets();
        logs.add(new StepLogEntry(base.id(), sequence, stepId, branchId, attempt, status, now, now,
                services.redaction().redact(detail, secrets),
                Optional.ofNullable(failure).map(text -> services.redaction().scrub(text, secrets))));
        return sequence;
    }

    private List<String> secrets() {
        return services.redaction().secretValues(stepParams, member);
    }

    private EvaluationContext evaluation() {
        return Contexts.evaluation(member, base, services.organizations().data(base.organizationId()),
                outputs, now, zones.automationOrFallback());
    }

    private Map<String, Object> params(Step step, Action action) {
        return automation.hasTemplatedParams(step.id())
                ? services.renderer().renderParams(action.params(), renderData())
                : action.params();
    }

    private RenderData renderData() {
        Map<String, Object> memberData = member.map(Contexts::memberData).orElseGet(HashMap::new);
        RenderData.Builder data = RenderData.builder()
                .member(memberData)
                .event(base.trigger())
                .organization(services.organizations().data(base.organizationId()));
        outputs.forEach((stepId, output) -> {
            if (output instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                data.stepOutput(stepId, fields);
            }
        });
        return data.build();
    }

    private String idempotencyKey(Branch branch, Step step) {
        return base.id() + ":" + step.id() + ":" + branch.id();
    }
}
