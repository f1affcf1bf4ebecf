package io.memberautomation.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    private static final ConditionGroup RENEWAL_REMINDER = ConditionGroup.and(
            Condition.of("member.status", Operator.EQ, Operand.Literal.of("active")),
            ConditionGroup.or(
                    Condition.of("member.tier", Operator.IN, Eval.operand(List.of("gold", "platinum"))),
                    Condition.of("member.lifetime_value", Operator.GT, Operand.Literal.of(500))),
            Condition.of("member.renewal_date", Operator.BETWEEN,
                    Operand.Literal.list(Eval.relative("P0D"), Eval.relative("P7D"))));

    private static EvaluationContext member(Object status, Object tier, Object value, Object renewal) {
        return Eval.utc().context(Eval.fields("status", status, "tier", tier, "lifetime_value", value,
                "renewal_date", renewal)).build();
    }

    @Test
    void explain_whenLeafTrue_recordsSeenValueExpectedAndResult() {
        Explanation explanation = Conditions.compile(RENEWAL_REMINDER)
                .explain(member("active", "gold", 100, LocalDate.parse("2026-01-25")));

        Explanation.Group root = (Explanation.Group) explanation;
        assertThat(root.result()).isTrue();
        assertThat(root.operator()).isEqualTo(GroupOperator.AND);
        assertThat(root.children()).hasSize(3);
        assertThat(root.children().get(0)).isEqualTo(new Explanation.Leaf("member.status", "eq", "\"active\"",
                Optional.of("\"active\""), true, Optional.empty()));
        Explanation.Group tiers = (Explanation.Group) root.children().get(1);
        assertThat(tiers.children()).extracting(Explanation::result).containsExactly(true, false);
        assertThat(root.children().get(2)).isEqualTo(new Explanation.Leaf("member.renewal_date", "between",
                "2026-01-25", Optional.of("[{relative: PT0S} = 2026-01-20, {relative: P7D} = 2026-01-27]"), true,
                Optional.empty()));
    }

    @Test
    void explain_whenLeafFalseForStructuralCause_recordsTheReason() {
        Explanation.Group root = (Explanation.Group) Conditions.compile(RENEWAL_REMINDER)
                .explain(member(Eval.ABSENT, "gold", "lots", LocalDate.parse("2026-02-25")));

        assertThat(root.result()).isFalse();
        Explanation.Leaf status = (Explanation.Leaf) root.children().get(0);
        assertThat(status.seen()).isEqualTo("<missing>");
        assertThat(status.reason()).contains(Explanation.Reason.MISSING);
        Explanation.Leaf value = (Explanation.Leaf) ((Explanation.Group) root.children().get(1)).children().get(1);
        assertThat(value.seen()).isEqualTo("\"lots\"");
        assertThat(value.reason()).contains(Explanation.Reason.TYPE_MISMATCH);
        Explanation.Leaf renewal = (Explanation.Leaf) root.children().get(2);
        assertThat(renewal.result()).isFalse();
        assertThat(renewal.reason()).isEmpty();
    }

    @Test
    void explain_whenSeenValueIsLong_truncatesTo120Characters() {
        Explanation.Leaf leaf = (Explanation.Leaf) ((Explanation.Group) Conditions.compile(ConditionGroup.and(
                Condition.of("member.bio", Operator.CONTAINS, Operand.Literal.of("rowing"))))
                .explain(Eval.utc().context(Map.of("bio", "x".repeat(500))).build())).children().get(0);
        assertThat(leaf.seen()).hasSize(120).startsWith("\"xxx").endsWith("...");
        assertThat(leaf.result()).isFalse();
    }

    @Test
    void explain_whenChangedWithoutPrevious_saysSo() {
        Explanation.Leaf leaf = (Explanation.Leaf) ((Explanation.Group) Conditions.compile(ConditionGroup.and(
                Condition.of("member.status", Operator.CHANGED)))
                .explain(Eval.utc().context(Map.of("status", "active")).build())).children().get(0);
        assertThat(leaf.result()).isFalse();
        assertThat(leaf.reason()).contains(Explanation.Reason.NO_PREVIOUS);
        assertThat(leaf.expected()).contains("previous <missing>");
    }

    @Test
    void explain_whenGroupShortCircuits_stillExplainsEveryChildWithTheSameResult() {
        CompiledCondition compiled = Conditions.compile(RENEWAL_REMINDER.negated());
        EvaluationContext ctx = member("lapsed", "gold", 900, LocalDate.parse("2026-01-21"));
        Explanation.Group root = (Explanation.Group) compiled.explain(ctx);
        assertThat(root.result()).isEqualTo(compiled.test(ctx)).isTrue();
        assertThat(root.negate()).isTrue();
        assertThat(root.children()).extracting(Explanation::result).containsExactly(false, true, true);
    }

    @Test
    void toMap_whenSerialised_isPlainJsonThatReadsBackEqual() throws Exception {
        Map<String, Object> member = new HashMap<>(Eval.fields("status", "active", "tier", List.of("a", "b"),
                "lifetime_value", 900, "renewal_date", LocalDate.parse("2026-01-22")));
        Map<String, Object> map = Conditions.compile(RENEWAL_REMINDER)
                .explain(Eval.utc().context(member).build()).toMap();

        assertJsonReady(map);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(map);
        assertThat(json.readValue(text, new TypeReference<Map<String, Object>>() {})).isEqualTo(map);
        assertThat(text).startsWith("{\"operator\":\"and\",\"negate\":false,\"result\":true,\"conditions\":[")
                .contains("{\"field\":\"member.tier\",\"op\":\"in\",\"seen\":\"[\\\"a\\\", \\\"b\\\"]\","
                        + "\"expected\":\"[\\\"gold\\\", \\\"platinum\\\"]\",\"result\":false,\"reason\":\"type_mismatch\"}");
    }

    @Test
    void toMap_ofALeaf_equalsTheSameEntriesInOrderAndRefusesChanges() {
        Explanation.Leaf leaf = new Explanation.Leaf("member.status", "eq", "\"lapsed\"", Optional.of("\"active\""),
                false, Optional.empty());

        Map<String, Object> map = leaf.toMap();

        assertThat(map).isEqualTo(Map.of("field", "member.status", "op", "eq", "seen", "\"lapsed\"",
                "expected", "\"active\"", "result", false));
        assertThat(map.keySet()).containsExactly("field", "op", "seen", "expected", "result");
        assertThat(map.get("reason")).isNull();
        assertThatThrownBy(() -> map.put("result", true)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_whenPrinted_showsOneIndentedLinePerNode() {
        String text = Conditions.compile(RENEWAL_REMINDER)
                .explain(member("active", "silver", 100, Eval.ABSENT)).toString();
        assertThat(text).isEqualTo(String.join("\n",
                "AND -> false",
                "  member.status eq \"active\" -> true (seen \"active\")",
                "  OR -> false",
                "    member.tier in [\"gold\", \"platinum\"] -> false (seen \"silver\")",
                "    member.lifetime_value gt 500 -> false (seen 100)",
                "  member.renewal_date between [{relative: PT0S}, {relative: P7D}] -> false (seen <missing>, missing)"));
    }

    private static void assertJsonReady(Object value) {
        assertThat(value).isNotNull();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                assertThat(key).isInstanceOf(String.class);
                assertJsonReady(element);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(ExplanationTest::assertJsonReady);
        } else {
            assertThat(value).isInstanceOfAny(String.class, Boolean.class);
        }
    }
}
