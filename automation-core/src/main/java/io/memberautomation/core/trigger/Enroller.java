package io.memberautomation.core.trigger;

import io.memberautomation.core.condition.CompiledCondition;
import io.memberautomation.core.condition.EvaluationContext;
import io.memberautomation.core.interpreter.CompiledAutomation;
import io.memberautomation.core.interpreter.Contexts;
import io.memberautomation.core.interpreter.Organizations;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.IdGenerator;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentGuard;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.NewExecution;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a trigger event into executions: finds the active automations routed to its organization and
 * type, applies each trigger's filters and conditions, and hands the store one atomic enrollment that
 * also deduplicates the event id and enforces enrollment policies. Enrollments of events published at the
 * same moment from several threads are stored together ({@link GroupEnrollment}).
 */
public final class Enroller {
    private static final Logger LOG = LoggerFactory.getLogger(Enroller.class);
    /** Wire names of the trigger types by ordinal, made once rather than on every event. */
    private static final String[] TYPE_NAMES = Arrays.stream(TriggerType.values()).map(WireName::of)
            .toArray(String[]::new);
    private static final EnrollmentResult NOTHING = new EnrollmentResult(false, List.of(), List.of());
    /** The most enrollments of concurrent publishers stored in one call ({@link GroupEnrollment}). */
    private static final int GROUP_LIMIT = 128;
    /** The most enrollment calls in flight at once: fewer publishers than this never wait for each other. */
    private static final int GROUP_CALLS = 2;

    private final AutomationRegistry registry;
    private final ExecutionStore executions;
    private final MemberDirectory members;
    private final Organizations organizations;
    private final Clock clock;
    private final IdGenerator ids;
    private final GroupEnrollment group;

    public Enroller(AutomationRegistry registry, ExecutionStore executions, MemberDirectory members,
                    Organizations organizations, Clock clock, IdGenerator ids) {
        this.registry = registry;
        this.executions = executions;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
        this.ids = ids;
        this.group = new GroupEnrollment(executions, GROUP_LIMIT, GROUP_CALLS);
    }

    /** Routes an event to every matching active automation. */
    public EnrollmentResult publish(TriggerEvent event, int causalDepth) {
        return enroll(event, registry.routes(event.organizationId(), event.type()), causalDepth, true);
    }

    /**
     * Routes each event to every matching active automation and hands the store all their enrollments in
     * one {@link ExecutionStore#enrollAll} call.
     *
     * @return one result per event, in the order given
     */
    public List<EnrollmentResult> publishAll(List<TriggerEvent> events, int causalDepth) {
        List<Optional<Enrollment>> built = new ArrayList<>(events.size());
        List<Enrollment> enrollments = new ArrayList<>(events.size());
        for (TriggerEvent event : events) {
            Optional<Enrollment> enrollment = enrollment(event,
                    registry.routes(event.organizationId(), event.type()), causalDepth, true);
            built.add(enrollment);
            enrollment.ifPresent(enrollments::add);
        }
        List<EnrollmentResult> stored = enrollments.isEmpty() ? List.of() : executions.enrollAll(enrollments);
        List<EnrollmentResult> results = new ArrayList<>(events.size());
        int next = 0;
        for (int i = 0; i < events.size(); i++) {
            if (built.get(i).isEmpty()) {
                results.add(NOTHING);
                continue;
            }
            EnrollmentResult result = stored.get(next++);
            logEnrolled(events.get(i), result);
            results.add(result);
        }
        return results;
    }

    /**
     * Enrolls into the given automations only (manual runs, scheduled fires).
     *
     * @param checkConditions whether trigger conditions must hold
     */
    public EnrollmentResult enroll(TriggerEvent event, Collection<CompiledAutomation> candidates, int causalDepth,
                                   boolean checkConditions) {
        Optional<Enrollment> enrollment = enrollment(event, candidates, causalDepth, checkConditions);
        if (enrollment.isEmpty()) {
            return NOTHING;
        }
        EnrollmentResult result = group.enroll(enrollment.get());
        logEnrolled(event, result);
        return result;
    }

    /**
     * The enrollment an event makes into the candidates; empty when there is nothing to hand the store: the
     * member is unknown, or no execution is created and there is no event id to remember.
     */
    private Optional<Enrollment> enrollment(TriggerEvent event, Collection<CompiledAutomation> candidates,
                                            int causalDepth, boolean checkConditions) {
        Instant now = clock.now();
        Optional<Member> member = event.memberId().flatMap(id -> members.find(event.organizationId(), id));
        if (event.memberId().isPresent() && member.isEmpty()) {
            LOG.warn("event {} names member {} unknown to organization {}; not enrolled",
                    event.id().orElse("(no id)"), event.memberId().get(), event.organizationId());
            return Optional.empty();
        }
        Map<String, Object> eventData = eventData(event, now);
        TriggerContexts contexts = new TriggerContexts(member, eventData, now);
        List<NewExecution> created = new ArrayList<>();
        for (CompiledAutomation candidate : candidates) {
            if (matchesFilters(candidate.automation().trigger(), event)
                    && (!checkConditions || contexts.conditionsHold(candidate))) {
                created.add(newExecution(candidate, event, member, eventData, causalDepth, now));
            }
        }
        if (created.isEmpty() && event.id().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(event.organizationId(), event.id(), now, created));
    }

    private static void logEnrolled(TriggerEvent event, EnrollmentResult result) {
        if (!result.created().isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("event {} ({}) enrolled {} execution(s)", event.id().orElse("-"),
                    TYPE_NAMES[event.type().ordinal()], result.created().size());
        }
    }

    /**
     * Enrolls a batch of a scheduled automation's audience in one store call, deduplicated as a whole by
     * {@code eventId}; members for whom the trigger conditions do not hold are passed over.
     */
    public EnrollmentResult enrollAudience(CompiledAutomation automation, String eventId, List<Member> audience,
                                           Map<String, Object> payload) {
        Instant now = clock.now();
        TriggerEvent event = new TriggerEvent(Optional.of(eventId), automation.organizationId(),
                automation.automation().trigger().type(), Optional.empty(), payload, Optional.empty());
        Map<String, Object> eventData = eventData(event, now);
        List<NewExecution> created = new ArrayList<>(audience.size());
        for (Member member : audience) {
            Optional<Member> one = Optional.of(member);
            if (new TriggerContexts(one, eventData, now).conditionsHold(automation)) {
                created.add(newExecution(automation, event, one, eventData, 0, now));
            }
        }
        return executions.enroll(new Enrollment(automation.organizationId(), event.id(), now, created));
    }

    /** The event as conditions see it under {@code event.*}: its payload plus id, type and time. */
    public static Map<String, Object> eventData(TriggerEvent event, Instant acceptedAt) {
        Map<String, Object> data = new LinkedHashMap<>(event.payload());
        data.put("type", TYPE_NAMES[event.type().ordinal()]);
        data.put("occurred_at", InstantText.of(event.occurredAt().orElse(acceptedAt)));
        event.id().ifPresent(id -> data.put("id", id));
        return data;
    }

    private static boolean matchesFilters(Trigger trigger, TriggerEvent event) {
        if (!trigger.fields().isEmpty()) {
            Object changed = event.payload().get("changed_fields");
            if (!(changed instanceof Collection<?> fields) || trigger.fields().stream().noneMatch(fields::contains)) {
                return false;
            }
        }
        if (trigger.segmentId().isPresent() && !trigger.segmentId().get().equals(event.payload().get("segment_id"))) {
            return false;
        }
        return trigger.milestone().isEmpty()
                || trigger.milestone().get().field().toString().equals(event.payload().get("milestone_field"));
    }

    /**
     * The trigger context of one event for one member, made when a candidate first has conditions and made
     * again only for a candidate of another organization or zone: an event's candidates share their
     * organization and nearly always their zone, and a context is immutable.
     */
    private final class TriggerContexts {
        private final Optional<Member> member;
        private final Map<String, Object> eventData;
        private final Instant now;
        private @Nullable EvaluationContext context;
        private @Nullable String organizationId;
        private @Nullable ZoneId zone;

        TriggerContexts(Optional<Member> member, Map<String, Object> eventData, Instant now) {
            this.member = member;
            this.eventData = eventData;
            this.now = now;
        }

        boolean conditionsHold(CompiledAutomation candidate) {
            Optional<CompiledCondition> condition = candidate.triggerCondition();
            if (condition.isEmpty()) {
                return true;
            }
            ZoneId candidateZone = zone(candidate);
            EvaluationContext current = context;
            if (current == null || !candidate.organizationId().equals(organizationId) || !candidateZone.equals(zone)) {
                current = Contexts.evaluation(member, eventData, organizations.data(candidate.organizationId()),
                        Map.of(), now, candidateZone);
                context = current;
                organizationId = candidate.organizationId();
                zone = candidateZone;
            }
            return condition.get().test(current);
        }
    }

    /**
     * {@link Instant#toString()}, keeping the text of the last whole second: events come many to a second, and
     * the JDK's formatter is the dearest part of an event's data. The date and time come from the JDK; the
     * fraction follows its rule (none, or 3, 6 or 9 digits, whichever is the shortest exact one).
     */
    static final class InstantText {
        private record Second(long epochSecond, String text) {}

        /** Racy on purpose: the pair is immutable, so whichever thread's pair a reader sees is right. */
        private static @Nullable Second last;

        private InstantText() {}

        static String of(Instant instant) {
            Second second = last;
            if (second == null || second.epochSecond() != instant.getEpochSecond()) {
                String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
                second = new Second(instant.getEpochSecond(), whole.substring(0, whole.length() - 1));
                last = second;
            }
            int nanos = instant.getNano();
            if (nanos == 0) {
                return second.text() + 'Z';
            }
            StringBuilder out = new StringBuilder(second.text().length() + 11).append(second.text()).append('.');
            if (nanos % 1_000_000 == 0) {
                appendPadded(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                appendPadded(out, nanos / 1_000, 6);
            } else {
                appendPadded(out, nanos, 9);
            }
            return out.append('Z').toString();
        }

        private static void appendPadded(StringBuilder out, int value, int digits) {
            String text = Integer.toString(value);
            for (int i = text.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(text);
        }
    }

    private ZoneId zone(CompiledAutomation candidate) {
        return candidate.timezone().or(() -> organizations.zone(candidate.organizationId()))
                .orElse(ZoneOffset.UTC);
    }

    private NewExecution newExecution(CompiledAutomation candidate, TriggerEvent event, Optional<Member> member,
                                      Map<String, Object> eventData, int causalDepth, Instant now) {
        Automation automation = candidate.automation();
        ExecutionRecord record = new ExecutionRecord(ids.newId(), event.organizationId(), automation.id(),
                automation.version(), member.map(Member::id), ExecutionStatus.PENDING, Optional.empty(), eventData,
                List.of(Branch.ready("b0", automation.entry().id())), Map.of(), 0, 0, causalDepth, Optional.empty(),
                false, now, now, Optional.empty(), 1);
        return new NewExecution(record, guard(automation), List.of());
    }

    private static EnrollmentGuard guard(Automation automation) {
        EnrollmentGuard.Mode mode = switch (automation.enrollment().policy()) {
            case EVERY_TIME -> EnrollmentGuard.Mode.EVERY_TIME;
            case ONCE -> EnrollmentGuard.Mode.ONCE;
            case ONE_AT_A_TIME -> EnrollmentGuard.Mode.ONE_AT_A_TIME;
        };
        return new EnrollmentGuard(mode, automation.enrollment().cooldown().map(c -> c.approximateLength()));
    }
}
