package io.memberautomation.core.model;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An automation definition: a trigger, an enrollment policy and a graph of steps ({@code steps[0]} is the
 * entry). Construction checks what a record can check alone (ids unique, bodies present); whole-document
 * validation with JSON paths is {@code io.memberautomation.core.definition.AutomationDefinitions}.
 *
 * @param id             {@code [A-Za-z0-9_.-]{1,64}}
 * @param organizationId the tenant, where the host is multi-tenant
 * @param name           a person's name for it
 * @param version        assigned by the engine when saved; 0 before the first save
 * @param status         lifecycle status (default draft)
 * @param trigger        what enrolls members
 * @param enrollment     whether members may enroll again
 * @param exitWhen       goal: when true the execution ends with outcome exited
 * @param timezone       default zone for schedules, delays and date conditions
 * @param maxSteps       guard against runaway loops (default 1000)
 * @param steps          the step graph, non-empty
 */
public record Automation(String id, Optional<String> organizationId, String name, int version,
                         AutomationStatus status, Trigger trigger, Enrollment enrollment,
                         Optional<ConditionGroup> exitWhen, Optional<ZoneId> timezone, int maxSteps,
                         List<Step> steps) {

    public static final int DEFAULT_MAX_STEPS = 1000;
    public static final String ID_PATTERN = "[A-Za-z0-9_.-]{1,64}";

    public Automation {
        Checks.text(id, "id");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("automation id must match " + ID_PATTERN + ": \"" + id + "\"");
        }
        Objects.requireNonNull(organizationId, "organizationId");
        Checks.text(name, "name");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(exitWhen, "exitWhen");
        Objects.requireNonNull(timezone, "timezone");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
        }
        steps = Checks.list(steps, "steps");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an automation needs at least one step");
        }
        Map<String, Step> seen = new HashMap<>();
        for (Step step : steps) {
            if (seen.put(step.id(), step) != null) {
                throw new IllegalArgumentException("duplicate step id \"" + step.id() + "\"");
            }
        }
    }

    /** The entry step. */
    public Step entry() {
        return steps.get(0);
    }

    /** The step with this id. */
    public Optional<Step> step(String stepId) {
        for (Step step : steps) {
            if (step.id().equals(stepId)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    public Automation withVersion(int newVersion) {
        return new Automation(id, organizationId, name, newVersion, status, trigger, enrollment, exitWhen,
                timezone, maxSteps, steps);
    }

    public Automation withStatus(AutomationStatus newStatus) {
        return new Automation(id, organizationId, name, version, newStatus, trigger, enrollment, exitWhen,
                timezone, maxSteps, steps);
    }
}
