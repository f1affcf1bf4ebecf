package io.memberautomation.core.trigger;

import io.memberautomation.core.condition.CompiledCondition;
import io.memberautomation.core.condition.Conditions;
import io.memberautomation.core.interpreter.CompiledAutomation;
import io.memberautomation.core.interpreter.Contexts;
import io.memberautomation.core.interpreter.Organizations;
import io.memberautomation.core.model.Milestone;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.WorkQueue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives change-driven triggers from a member's change (created, updated, status changed, segment
 * joined or left, milestone crossed), publishes them, and wakes the member's unfinished executions so
 * their exit criteria are checked at once. Changes the engine's own actions make arrive at the causal
 * depth of the execution that made them plus one; past the limit, the cascade stops with a log line.
 */
public final class MemberChangeRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MemberChangeRouter.class);

    private record CompiledSegment(Segment segment, Optional<CompiledCondition> rule) {}

    private final Enroller enroller;
    private final AutomationRegistry registry;
    private final ExecutionStore executions;
    private final WorkQueue queue;
    private final Organizations organizations;
    private final Clock clock;
    private final int maxCausalDepth;
    private final Map<String, List<CompiledSegment>> segmentsByOrganization;
    private final Runnable wake;
    private final Consumer<MemberChange> schedules;

    /**
     * @param schedules told of every change, so date-based fire times move with the member's dates
     * @param wake      wakes the workers after routing
     */
    public MemberChangeRouter(Enroller enroller, AutomationRegistry registry, ExecutionStore executions, WorkQueue queue,
                              Organizations organizations, Clock clock, int maxCausalDepth, List<Segment> segments,
                              Consumer<MemberChange> schedules, Runnable wake) {
        this.enroller = enroller;
        this.registry = registry;
        this.executions = executions;
        this.queue = queue;
        this.organizations = organizations;
        this.clock = clock;
        this.maxCausalDepth = maxCausalDepth;
        this.wake = wake;
        this.schedules = schedules;
        Map<String, List<CompiledSegment>> byOrganization = new LinkedHashMap<>();
        for (Segment segment : segments) {
            byOrganization.computeIfAbsent(segment.organizationId(), k -> new ArrayList<>())
                    .add(new CompiledSegment(segment, segment.conditions().map(Conditions::compile)));
        }
        byOrganization.replaceAll((k, v) -> List.copyOf(v));
        this.segmentsByOrganization = Map.copyOf(byOrganization);
    }

    /**
     * Handles one change.
     *
     * @param causalDepth the depth the derived events get
     * @param changeId    a unique id of the change, from which derived event ids are made; empty when the
     *                    change has no identity (then its events are not deduplicated)
     */
    public void onChange(MemberChange change, int causalDepth, Optional<String> changeId) {
        Member after = change.after();
        String org = after.organizationId();
        List<TriggerEvent> events = derive(change, changeId);
        if (causalDepth > maxCausalDepth && !events.isEmpty()) {
            LOG.warn("causal depth limit {} reached: {} trigger(s) from the change of member {} are not routed,"
                    + " which stops an automation cascade (change {})", maxCausalDepth, events.size(), after.id(),
                    changeId.orElse("-"));
        } else {
            for (TriggerEvent event : events) {
                enroller.publish(event, causalDepth);
            }
        }
        schedules.accept(change);
        wakeUnfinished(org, after.id());
        wake.run();
    }

    private List<TriggerEvent> derive(MemberChange change, Optional<String> changeId) {
        Member after = change.after();
        List<TriggerEvent> events = new ArrayList<>();
        Map<String, Object> previous = change.before().map(Contexts::memberData).orElse(Map.of());
        if (change.isCreation()) {
            events.add(event(changeId, "created", after, TriggerType.MEMBER_CREATED, Map.of()));
        } else {
            Set<String> changed = change.changedFields();
            if (changed.isEmpty()) {
                return events;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("changed_fields", List.copyOf(changed));
            payload.put(TriggerEvent.PREVIOUS, previous);
            events.add(event(changeId, "updated", after, TriggerType.MEMBER_UPDATED, payload));
            if (changed.contains(Member.STATUS)) {
                Map<String, Object> statusPayload = new LinkedHashMap<>();
                statusPayload.put(TriggerEvent.PREVIOUS, previous);
                after.field(Member.STATUS).ifPresent(s -> statusPayload.put("status", s));
                events.add(event(changeId, "status", after, TriggerType.MEMBER_STATUS_CHANGED, statusPayload));
            }
        }
        segmentEvents(change, changeId, events);
        milestoneEvents(change, changeId, events);
        return events;
    }

    private void segmentEvents(MemberChange change, Optional<String> changeId, List<TriggerEvent> events) {
        Member after = change.after();
        Instant now = clock.now();
        Set<String> staticBefore = new HashSet<>(change.before().map(Member::segments).orElse(List.of()));
        Set<String> staticAfter = new HashSet<>(after.segments());
        for (CompiledSegment compiled : segmentsByOrganization.getOrDefault(after.organizationId(), List.of())) {
            Segment segment = compiled.segment();
            boolean was;
            boolean is;
            if (compiled.rule().isPresent()) {
                was = change.before().map(b -> in(compiled.rule().get(), b, now)).orElse(false);
                is = in(compiled.rule().get(), after, now);
            } else {
                was = staticBefore.contains(segment.id());
                is = staticAfter.contains(segment.id());
            }
            if (was != is) {
                TriggerType type = is ? TriggerType.MEMBER_JOINED_SEGMENT : TriggerType.MEMBER_LEFT_SEGMENT;
                events.add(event(changeId, (is ? "joined:" : "left:") + segment.id(), after, type,
                        Map.of("segment_id", segment.id(), "segment_name", segment.name())));
            }
        }
    }

    private boolean in(CompiledCondition rule, Member member, Instant now) {
        return rule.test(Contexts.evaluation(Optional.of(member), Map.of(),
                organizations.data(member.organizationId()), Map.of(), now,
                organizations.zone(member.organizationId()).orElse(ZoneOffset.UTC)));
    }

    private void milestoneEvents(MemberChange change, Optional<String> changeId, List<TriggerEvent> events) {
        Member after = change.after();
        Set<String> seen = new HashSet<>();
        for (CompiledAutomation automation : registry.routes(after.organizationId(), TriggerType.ENGAGEMENT_MILESTONE)) {
            Milestone milestone = automation.automation().trigger().milestone().orElseThrow();
            String field = milestone.field().head();
            Optional<BigDecimal> before = change.before().flatMap(b -> number(b.fields().get(field)));
            Optional<BigDecimal> now = number(after.fields().get(field));
            if (now.isEmpty()) {
                continue;
            }
            for (BigDecimal threshold : milestone.thresholds()) {
                boolean crossed = now.get().compareTo(threshold) >= 0
                        && before.map(b -> b.compareTo(threshold) < 0).orElse(true);
                if (crossed && seen.add(milestone.field() + "@" + threshold.toPlainString())) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("milestone_field", milestone.field().toString());
                    payload.put("threshold", threshold);
                    payload.put("value", now.get());
                    events.add(event(changeId, "milestone:" + milestone.field() + ":" + threshold.toPlainString(),
                            after, TriggerType.ENGAGEMENT_MILESTONE, payload));
                }
            }
        }
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()));
        }
        if (value instanceof String text) {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void wakeUnfinished(String organizationId, String memberId) {
        Instant now = clock.now();
        for (ExecutionRecord execution : executions.findUnfinished(organizationId, memberId)) {
            boolean hasExit = registry.version(execution.organizationId(), execution.automationId(),
                    execution.automationVersion()).exitWhen().isPresent();
            if (hasExit && !execution.userPaused()) {
                queue.enqueue(execution.id(), organizationId, now);
            }
        }
    }

    private static TriggerEvent event(Optional<String> changeId, String suffix, Member member, TriggerType type,
                                      Map<String, Object> payload) {
        return new TriggerEvent(changeId.map(id -> id + ":" + suffix), member.organizationId(), type,
                Optional.of(member.id()), payload, Optional.empty());
    }
}
