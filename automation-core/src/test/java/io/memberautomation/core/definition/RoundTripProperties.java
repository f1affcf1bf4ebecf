package io.memberautomation.core.definition;

import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.DelayUntil;
import io.memberautomation.core.model.Enrollment;
import io.memberautomation.core.model.EnrollmentPolicy;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Milestone;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.RetryPolicy;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.StepType;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.ZoneChoice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any valid automation, however its parts combine, is written and read back equal, and passes validation
 * as a model. The generators build only valid automations, so every failure is a writer or reader bug.
 */
class RoundTripProperties {

    private static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.standard();

    @Property(tries = 200)
    void anyValidAutomation_whenWrittenAndReadBack_isEqual(@ForAll("automations") Automation automation) {
        String written = DEFINITIONS.write(automation);

        assertThat(DEFINITIONS.read(written)).isEqualTo(automation);
    }

    @Property(tries = 100)
    void anyValidAutomation_whenValidatedAsAModel_hasNoProblems(@ForAll("automations") Automation automation) {
        ValidationReport report = DEFINITIONS.validate(automation);

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).contains(automation);
    }

    @Provide
    Arbitrary<Automation> automations() {
        Arbitrary<Enrollment> enrollment = Combinators.combine(Arbitraries.of(EnrollmentPolicy.class),
                durations(false).optional()).as(Enrollment::new);
        Arbitrary<Integer> stepCount = Arbitraries.integers().between(1, 6);
        Arbitrary<List<Step>> steps = stepCount.flatMap(this::chain);
        return Combinators.combine(ids(), text().optional(), text(), Arbitraries.integers().between(0, 50),
                        Arbitraries.of(AutomationStatus.class), triggers(), enrollment, groups(2).optional())
                .flatAs((id, org, name, version, status, trigger, policy, exitWhen) ->
                        Combinators.combine(zones().optional(), Arbitraries.integers().between(1, 5000), steps)
                                .as((zone, maxSteps, chain) -> new Automation(id, org, name, version, status, trigger,
                                        policy, exitWhen, zone, maxSteps, chain)));
    }

    /** Steps s0 -> s1 -> ... in a chain, so the graph is valid whatever the step kinds. */
    private Arbitrary<List<Step>> chain(int count) {
        List<Arbitrary<Step>> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(step(i, count));
        }
        return Combinators.combine(steps).as(List::copyOf);
    }

    private Arbitrary<Step> step(int index, int count) {
        String id = "s" + index;
        List<String> next = index + 1 < count ? List.of("s" + (index + 1)) : List.of();
        return Arbitraries.of(StepType.class).flatMap(type -> switch (type) {
            case ACTION -> actions().map(action -> new Step(id, type, Optional.of(action), Optional.empty(),
                    Optional.empty(), next, List.of()));
            case CONDITION -> Combinators.combine(groups(2), Arbitraries.of(true, false))
                    .as((group, withElse) -> new Step(id, type, Optional.empty(), Optional.of(group), Optional.empty(),
                            next, withElse ? next : List.of()));
            case DELAY -> delays().map(delay -> new Step(id, type, Optional.empty(), Optional.empty(),
                    Optional.of(delay), next, List.of()));
        });
    }

    private Arbitrary<Trigger> triggers() {
        Arbitrary<Optional<ConditionGroup>> conditions = groups(2).optional();
        return Arbitraries.of(TriggerType.class).flatMap(type -> conditions.flatMap(when -> switch (type) {
            case SCHEDULED -> schedules().map(schedule -> new Trigger(type, when, List.of(), Optional.empty(),
                    Optional.empty(), Optional.of(schedule)));
            case MEMBER_JOINED_SEGMENT, MEMBER_LEFT_SEGMENT -> ids().map(segment -> new Trigger(type, when, List.of(),
                    Optional.of(segment), Optional.empty(), Optional.empty()));
            case ENGAGEMENT_MILESTONE -> Arbitraries.integers().between(1, 5).map(n -> {
                List<BigDecimal> thresholds = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    thresholds.add(BigDecimal.valueOf(i * 5L));
                }
                return new Trigger(type, when, List.of(), Optional.empty(),
                        Optional.of(new Milestone(FieldPath.parse("member.events_attended"), thresholds)),
                        Optional.empty());
            });
            case MEMBER_UPDATED -> Arbitraries.of("email", "status", "address.city").list().uniqueElements()
                    .map(fields -> new Trigger(type, when, fields, Optional.empty(), Optional.empty(), Optional.empty()));
            default -> Arbitraries.just(new Trigger(type, when, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }));
    }

    private Arbitrary<Schedule> schedules() {
        Arbitrary<Schedule> cron = Combinators.combine(Arbitraries.of("0 9 * * MON", "*/15 * * * *", "30 6 1 * *",
                        "0 0 * * 0"), zones().optional(), Arbitraries.of(Schedule.Audience.class),
                Arbitraries.of(Schedule.Misfire.class)).as(Schedule.Cron::new);
        Arbitrary<Schedule> dateBased = Combinators.combine(Arbitraries.of("member.joined_at", "member.renewal_date")
                        .map(FieldPath::parse), durations(true).optional(), times().optional(), zoneChoices().optional())
                .as(Schedule.DateBased::new);
        return Arbitraries.oneOf(cron, dateBased);
    }

    private Arbitrary<Delay> delays() {
        Arbitrary<Delay> fixed = durations(false).map(Delay::of);
        Arbitrary<Delay> until = Combinators.combine(Arbitraries.of("member.renewal_date", "member.joined_at")
                        .map(FieldPath::parse), durations(true).optional(), times().optional(), zoneChoices().optional())
                .as((field, offset, at, zone) -> new Delay(Optional.empty(), Optional.of(new DelayUntil(field, offset)),
                        at, zone));
        Arbitrary<Delay> timed = Combinators.combine(durations(false), times(), zoneChoices())
                .as((duration, at, zone) -> new Delay(Optional.of(duration), Optional.empty(), Optional.of(at),
                        Optional.of(zone)));
        return Arbitraries.oneOf(fixed, until, timed);
    }

    private Arbitrary<Action> actions() {
        Arbitrary<Map<String, Object>> params = Arbitraries.oneOf(
                text().map(tag -> Map.<String, Object>of("tag", tag)),
                Combinators.combine(ids(), text().optional(), jsonObjects(2)).as((template, subject, data) -> {
                    Map<String, Object> email = new LinkedHashMap<>();
                    email.put("templateId", template);
                    subject.ifPresent(s -> email.put("subject", s));
                    email.put("data", data);
                    return email;
                }),
                Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE"), jsonValues(2))
                        .as((method, body) -> Map.of("url", "https://hooks.example.org/{{member.id}}?x=1",
                                "method", method, "headers", Map.of("X-Trace", "abc"), "body", body)),
                Combinators.combine(Arbitraries.of("member.tier", "member.profile.score"), updateValues())
                        .as((field, value) -> Map.of("field", field, "value", value)),
                durations(false).map(duration -> Map.of("duration", duration.toString())),
                Combinators.combine(text(), durations(false)).as((title, due) -> Map.of("title", title,
                        "dueIn", due.toString())));
        return Combinators.combine(params, Arbitraries.of(OnError.class), Arbitraries.integers().between(0, 100),
                        retries().optional())
                .as((p, onError, count, retry) -> new Action(typeOf(p), p, onError, count, retry));
    }

    private static String typeOf(Map<String, Object> params) {
        if (params.containsKey("tag")) {
            return "add_tag";
        }
        if (params.containsKey("templateId")) {
            return "send_email";
        }
        if (params.containsKey("url")) {
            return "webhook";
        }
        if (params.containsKey("field")) {
            return "update_field";
        }
        return params.containsKey("duration") ? "wait" : "create_task";
    }

    private Arbitrary<Object> updateValues() {
        return Arbitraries.oneOf(scalars(),
                durations(true).map(d -> Map.of("relative", d.toString())),
                Arbitraries.just(Map.of("field", "steps.s0.output.value")));
    }

    private Arbitrary<RetryPolicy> retries() {
        return Combinators.combine(Arbitraries.longs().between(1, 3_600_000), Arbitraries.doubles().between(1, 10),
                        Arbitraries.longs().between(0, 86_400_000))
                .as((initial, coefficient, extra) -> new RetryPolicy(Duration.ofMillis(initial), coefficient,
                        Duration.ofMillis(initial + extra)));
    }

    private Arbitrary<ConditionGroup> groups(int depth) {
        Arbitrary<ConditionNode> leaf = leaves().map(condition -> condition);
        Arbitrary<ConditionNode> member = depth <= 1 ? leaf
                : Arbitraries.oneOf(leaf, leaf, leaf, groups(depth - 1).map(group -> group));
        return Combinators.combine(Arbitraries.of(GroupOperator.class), Arbitraries.of(true, false),
                member.list().ofMaxSize(4)).as(ConditionGroup::new);
    }

    private Arbitrary<Condition> leaves() {
        Arbitrary<FieldPath> fields = Arbitraries.of("member.status", "member.tier", "previous.status", "event.amount",
                "organization.name", "member.profile.city", "steps.s0.output.score").map(FieldPath::parse);
        Arbitrary<FieldPath> memberFields = Arbitraries.of("member.status", "member.profile.city").map(FieldPath::parse);
        Arbitrary<Operand> ordered = Arbitraries.oneOf(decimals().map(Operand.Literal::new),
                durations(true).map(Operand.Relative::new),
                Arbitraries.of("2024-02-29", "2026-01-05T08:00:00Z").map(Operand.Literal::of),
                fields.map(Operand.FieldRef::new));
        Arbitrary<Operand> scalar = scalars().map(Operand.Literal::new);
        Arbitrary<Operand> strings = text().map(Operand.Literal::of);
        Arbitrary<Operand> list = scalar.list().ofMaxSize(4).map(values -> new Operand.Literal(values));
        Arbitrary<Operand> range = decimals().list().ofSize(2).map(bounds -> {
            BigDecimal low = bounds.get(0).min(bounds.get(1));
            BigDecimal high = bounds.get(0).max(bounds.get(1));
            return Operand.Literal.list(new Operand.Literal(low), new Operand.Literal(high));
        });
        Arbitrary<Operand> regex = Arbitraries.of("^a.*z$", "[0-9]{3}-[0-9]{4}", "(?i)gold|platinum", "\\d+\\.\\d+")
                .map(Operand.Literal::of);
        return Arbitraries.of(Operator.class).flatMap(op -> {
            Arbitrary<FieldPath> field = op == Operator.CHANGED || op == Operator.CHANGED_TO ? memberFields : fields;
            Arbitrary<Optional<Operand>> value = switch (op) {
                case EQ, NEQ -> Arbitraries.oneOf(scalar, ordered).map(Optional::of);
                case GT, GTE, LT, LTE -> ordered.map(Optional::of);
                case BETWEEN -> range.map(Optional::of);
                case IN, NOT_IN -> list.map(Optional::of);
                case CONTAINS, NOT_CONTAINS, CHANGED_TO -> scalar.map(Optional::of);
                case STARTS_WITH, ENDS_WITH, HAS_TAG -> strings.map(Optional::of);
                case MATCHES -> regex.map(Optional::of);
                default -> Arbitraries.just(Optional.empty());
            };
            Arbitrary<Boolean> ignoreCase = op.isStringOperator() ? Arbitraries.of(true, false) : Arbitraries.just(false);
            return Combinators.combine(field, value, ignoreCase).as((f, v, ic) -> new Condition(f, op, v, ic));
        });
    }

    private Arbitrary<Map<String, Object>> jsonObjects(int depth) {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), jsonValues(depth - 1))
                .ofMaxSize(3).map(LinkedHashMap::new);
    }

    private Arbitrary<Object> jsonValues(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        return Arbitraries.oneOf(scalars(), jsonValues(depth - 1).list().ofMaxSize(3).map(list -> list),
                jsonObjects(depth).map(map -> map));
    }

    private Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).map(s -> s), decimals().map(d -> d),
                Arbitraries.of(true, false).map(b -> b));
    }

    private Arbitrary<BigDecimal> decimals() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1_000_000), BigDecimal.valueOf(1_000_000)).ofScale(2),
                Arbitraries.longs().map(BigDecimal::valueOf),
                Arbitraries.of(new BigDecimal("1E+3"), new BigDecimal("0.000"), new BigDecimal("-0.5"),
                        new BigDecimal("123456789012345678901234567890.123456789")));
    }

    private Arbitrary<IsoDuration> durations(boolean signed) {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40),
                        Arbitraries.longs().between(0, 200_000), Arbitraries.of(0, 0, 500), Arbitraries.of(false, signed))
                .as((months, days, seconds, millis, negative) -> {
                    IsoDuration duration = new IsoDuration(Period.of(0, months, days),
                            Duration.ofSeconds(seconds).plusMillis(millis));
                    return negative ? new IsoDuration(duration.datePart().negated(), duration.timePart().negated())
                            : duration;
                });
    }

    private Arbitrary<LocalTime> times() {
        return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
    }

    private Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Z", "+02:00")
                .map(ZoneId::of);
    }

    private Arbitrary<ZoneChoice> zoneChoices() {
        return Arbitraries.oneOf(Arbitraries.of(ZoneChoice.MEMBER, ZoneChoice.AUTOMATION),
                zones().map(ZoneChoice.Fixed::new));
    }

    private Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("abcxyzABC0189_.-").ofMinLength(1).ofMaxLength(64);
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(16).filter(s -> !s.isBlank());
    }
}
