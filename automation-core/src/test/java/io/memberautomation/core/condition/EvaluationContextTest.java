package io.memberautomation.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluationContextTest {
    private static final Instant NOW = Instant.parse("2026-01-20T10:00:00Z");

    private static EvaluationContext full() {
        Map<String, Object> member = new HashMap<>();
        member.put("status", "active");
        member.put("address", Map.of("city", "York", "geo", Map.of("lat", 53.96)));
        member.put("nickname", null);
        return EvaluationContext.builder()
                .member(member)
                .previous(Map.of("status", "lapsed"))
                .event(Map.of("type", "payment_succeeded", "amount", 25))
                .organization(Map.of("name", "Rowing Club"))
                .stepOutput("check", Map.of("score", 7, "details", Map.of("ok", true)))
                .stepOutput("count", 3)
                .now(NOW)
                .build();
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("member.status", "active"),
                arguments("member.address.city", "York"),
                arguments("member.address.geo.lat", 53.96),
                arguments("member.address.street", null),
                arguments("member.status.length", null),
                arguments("member.nickname", null),
                arguments("member.unknown", null),
                arguments("previous.status", "lapsed"),
                arguments("event.type", "payment_succeeded"),
                arguments("event.amount", 25),
                arguments("organization.name", "Rowing Club"),
                arguments("steps.check.output.score", 7),
                arguments("steps.check.output.details.ok", true),
                arguments("steps.count.output", 3),
                arguments("steps.count.output.x", null),
                arguments("steps.other.output.score", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paths")
    void valueAt_whenPathFollowsMaps_readsTheValueOrMissing(String path, Object expected) {
        assertThat(full().valueAt(FieldPath.parse(path)).orElse(null)).isEqualTo(expected);
    }

    @Test
    void condition_whenPathReachesStepOutput_comparesIt() {
        ConditionGroup group = ConditionGroup.and(
                Condition.of("steps.check.output.score", Operator.GTE, Operand.Literal.of(5)),
                Condition.of("event.amount", Operator.EQ, Operand.Literal.of(25)),
                Condition.of("organization.name", Operator.STARTS_WITH, Operand.Literal.of("Rowing")));
        assertThat(Eval.test(group, full())).isTrue();
    }

    @Test
    void previous_whenNotGiven_isAbsentAndItsPathsMissing() {
        EvaluationContext ctx = EvaluationContext.builder().now(NOW).build();
        assertThat(ctx.hasPrevious()).isFalse();
        assertThat(ctx.valueAt(FieldPath.parse("previous.status"))).isEmpty();
        assertThat(full().hasPrevious()).isTrue();
    }

    @Test
    void build_whenNowMissing_throws() {
        assertThatThrownBy(() -> EvaluationContext.builder().member(Map.of()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("now");
    }

    @Test
    void build_whenZoneNotGiven_usesUtcAndComputesToday() {
        EvaluationContext utc = EvaluationContext.builder().now(Instant.parse("2026-01-20T23:30:00Z")).build();
        EvaluationContext tokyo = EvaluationContext.builder().now(Instant.parse("2026-01-20T23:30:00Z"))
                .zone(ZoneId.of("Asia/Tokyo")).build();
        assertThat(utc.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.today()).isEqualTo(LocalDate.parse("2026-01-20"));
        assertThat(tokyo.today()).isEqualTo(LocalDate.parse("2026-01-21"));
        assertThat(tokyo.now()).isEqualTo(Instant.parse("2026-01-20T23:30:00Z"));
    }

    @Test
    void build_whenSourceMapChangesAfterwards_keepsItsOwnCopy() {
        Map<String, Object> member = new HashMap<>(Map.of("status", "active"));
        EvaluationContext ctx = EvaluationContext.builder().member(member).now(NOW).build();
        member.put("status", "lapsed");
        assertThat(ctx.valueAt(FieldPath.parse("member.status"))).contains("active");
    }

    @ParameterizedTest
    @MethodSource("offsetsAroundMidnight")
    void build_whenZoneIsAFixedOffset_computesTheSameTodayAsTheZoneRules(String instant, ZoneOffset offset) {
        Instant now = Instant.parse(instant);
        assertThat(EvaluationContext.builder().now(now).zone(offset).build().today())
                .isEqualTo(LocalDate.ofInstant(now, offset));
    }

    static Stream<Arguments> offsetsAroundMidnight() {
        return Stream.of(arguments("2026-01-20T23:30:00Z", ZoneOffset.ofHours(14)),
                arguments("2026-01-20T00:30:00Z", ZoneOffset.ofHours(-12)),
                arguments("1969-12-31T23:59:59Z", ZoneOffset.UTC),
                arguments("2026-01-20T10:00:00Z", ZoneOffset.ofHoursMinutes(5, 45)));
    }

    @Test
    void member_whenAMember_readsItsFieldsAndIdInPlace() {
        Member member = new Member("m-7", "org-1", Map.of("status", "active", "address", Map.of("city", "York")));
        EvaluationContext ctx = EvaluationContext.builder().member(member).now(NOW).build();

        assertThat(ctx.valueAt(FieldPath.parse("member.status"))).contains("active");
        assertThat(ctx.valueAt(FieldPath.parse("member.address.city"))).contains("York");
        assertThat(ctx.valueAt(FieldPath.parse("member.id"))).contains("m-7");
        assertThat(ctx.valueAt(FieldPath.parse("member.nickname"))).isEmpty();
        assertThat(Conditions.compile(ConditionGroup.and(Condition.of("member.id", Operator.EQ,
                Operand.Literal.of("m-7")))).explain(ctx).result()).isTrue();
    }

    @Test
    void event_whenAnExecution_readsItsTriggerData() {
        ExecutionRecord execution = new ExecutionRecord("x1", "org-1", "welcome", 1, Optional.of("m-7"),
                ExecutionStatus.RUNNING, Optional.empty(), Map.of("type", "payment_failed", "amount", 25),
                List.of(), Map.of(), 0, 0, 0, Optional.empty(), false, NOW, NOW, Optional.empty(), 1);
        EvaluationContext ctx = EvaluationContext.builder().event(execution).now(NOW).build();

        assertThat(ctx.valueAt(FieldPath.parse("event.type"))).contains("payment_failed");
        assertThat(ctx.valueAt(FieldPath.parse("event.amount"))).contains(25);
    }
}
