package io.memberautomation.core.interpreter;

import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.core.condition.CompiledCondition;
import io.memberautomation.core.condition.Conditions;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.StepType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One automation version made ready to run: its steps indexed by id, every condition compiled once, and
 * {@code wait} actions turned into delays. Built once per version and cached, so the hot path parses
 * nothing.
 */
public final class CompiledAutomation {
    private final Automation automation;
    private final String organizationId;
    private final Map<String, Step> steps;
    private final Map<String, CompiledCondition> stepConditions;
    private final Map<String, Delay> delays;
    private final Set<String> templatedParams;
    private final Optional<CompiledCondition> triggerCondition;
    private final Optional<CompiledCondition> exitWhen;

    private CompiledAutomation(Automation automation, String organizationId) {
        this.automation = automation;
        this.organizationId = organizationId;
        Map<String, Step> byId = new HashMap<>();
        Map<String, CompiledCondition> conditions = new HashMap<>();
        Map<String, Delay> waits = new HashMap<>();
        Set<String> templated = new HashSet<>();
        for (Step step : automation.steps()) {
            byId.put(step.id(), step);
            step.condition().ifPresent(group -> conditions.put(step.id(), Conditions.compile(group)));
            step.delay().ifPresent(delay -> waits.put(step.id(), delay));
            step.action().filter(action -> action.type().equals("wait"))
                    .ifPresent(action -> waits.put(step.id(), WaitParams.toDelay(action.params())));
            step.action().filter(action -> PlaceholderRenderer.hasPlaceholders(action.params()))
                    .ifPresent(action -> templated.add(step.id()));
        }
        this.steps = Map.copyOf(byId);
        this.stepConditions = Map.copyOf(conditions);
        this.delays = Map.copyOf(waits);
        this.templatedParams = Set.copyOf(templated);
        this.triggerCondition = automation.trigger().conditions().map(Conditions::compile);
        this.exitWhen = automation.exitWhen().map(Conditions::compile);
    }

    /**
     * Compiles a validated automation.
     *
     * @param defaultOrganizationId used when the definition names no organization
     */
    public static CompiledAutomation compile(Automation automation, String defaultOrganizationId) {
        return new CompiledAutomation(automation, automation.organizationId().orElse(defaultOrganizationId));
    }

    public Automation automation() {
        return automation;
    }

    public String id() {
        return automation.id();
    }

    public int version() {
        return automation.version();
    }

    public String organizationId() {
        return organizationId;
    }

    public Step step(String stepId) {
        Step step = steps.get(stepId);
        if (step == null) {
            throw new IllegalStateException("automation " + id() + " v" + version() + " has no step \"" + stepId + "\"");
        }
        return step;
    }

    public boolean hasStep(String stepId) {
        return steps.containsKey(stepId);
    }

    public CompiledCondition condition(String stepId) {
        return stepConditions.get(stepId);
    }

    /** The delay of a delay step or a {@code wait} action; empty for other steps. */
    public Optional<Delay> delay(String stepId) {
        return Optional.ofNullable(delays.get(stepId));
    }

    /**
     * Whether the action params of this step have placeholders to render; when not, the params are used as
     * written (rendering would return an equal map), and the step builds no render data.
     */
    public boolean hasTemplatedParams(String stepId) {
        return templatedParams.contains(stepId);
    }

    public boolean isWait(Step step) {
        return step.type() == StepType.DELAY || delays.containsKey(step.id());
    }

    public Optional<CompiledCondition> triggerCondition() {
        return triggerCondition;
    }

    public Optional<CompiledCondition> exitWhen() {
        return exitWhen;
    }

    public Optional<ZoneId> timezone() {
        return automation.timezone();
    }

    /** A trigger condition group, when present, for explanation in logs. */
    public Optional<ConditionGroup> triggerConditionGroup() {
        return automation.trigger().conditions();
    }
}
