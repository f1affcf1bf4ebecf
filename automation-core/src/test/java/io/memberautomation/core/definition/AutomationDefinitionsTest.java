package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.Enrollment;
import io.memberautomation.core.model.EnrollmentPolicy;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.RetryPolicy;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.Trigger;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.AutomationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AutomationDefinitionsTest {

    private static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.standard();

    private static List<String> pathsAndCodes(ValidationReport report) {
        return report.problems().stream().map(p -> p.path() + ": " + p.code().wireName()).toList();
    }

    private static Automation automation(List<Step> steps) {
        return new Automation("model", Optional.empty(), "Built in code", 0, AutomationStatus.DRAFT,
                Trigger.of(TriggerType.MANUAL), Enrollment.DEFAULT, Optional.empty(), Optional.empty(),
                Automation.DEFAULT_MAX_STEPS, steps);
    }

    private static Step tag(String id, String... next) {
        return Step.action(id, Action.of("add_tag", Map.of("tag", "t")), next);
    }

    @Test
    void read_whenOptionalKeysAreAbsent_appliesTheDefaults() {
        Automation automation = DEFINITIONS.read(Documents.withExitWhen(
                "{ \"conditions\": [ { \"field\": \"member.status\", \"op\": \"eq\", \"value\": \"active\" } ] }"));

        assertThat(automation.status()).isEqualTo(AutomationStatus.DRAFT);
        assertThat(automation.enrollment().policy()).isEqualTo(EnrollmentPolicy.ONE_AT_A_TIME);
        assertThat(automation.enrollment().cooldown()).isEmpty();
        assertThat(automation.maxSteps()).isEqualTo(1000);
        assertThat(automation.version()).isZero();
        assertThat(automation.organizationId()).isEmpty();
        Action action = automation.entry().action().orElseThrow();
        assertThat(action.onError()).isEqualTo(OnError.STOP);
        assertThat(action.retryCount()).isEqualTo(3);
        assertThat(action.retry()).isEmpty();
        ConditionGroup exitWhen = automation.exitWhen().orElseThrow();
        assertThat(exitWhen.operator()).isEqualTo(GroupOperator.AND);
        assertThat(exitWhen.negate()).isFalse();
        assertThat(((Condition) exitWhen.conditions().get(0)).ignoreCase()).isFalse();
    }

    @Test
    void read_whenTagIsGivenAsTagId_readsItAsTag() {
        Automation automation = DEFINITIONS.read(Documents.MINIMAL.replace("\"tag\": \"x\"", "\"tagId\": \"vip\""));

        assertThat(automation.entry().action().orElseThrow().params()).isEqualTo(Map.of("tag", "vip"));
        assertThat(DEFINITIONS.write(automation)).contains("\"tag\": \"vip\"").doesNotContain("tagId");
    }

    @Test
    void read_whenHasTagOmitsTheField_readsTheMemberTags() {
        Automation automation = DEFINITIONS.read(Documents.withExitWhen(
                "{ \"conditions\": [ { \"op\": \"has_tag\", \"value\": \"vip\" } ] }"));

        Condition condition = (Condition) automation.exitWhen().orElseThrow().conditions().get(0);
        assertThat(condition.field().toString()).isEqualTo("member.tags");
    }

    @Test
    void read_whenTriggerFieldsUseMemberPaths_readsPlainFieldNames() {
        Automation automation = DEFINITIONS.read(Documents.MINIMAL.replace("{ \"type\": \"manual\" }",
                "{ \"type\": \"member_updated\", \"fields\": [\"member.email\", \"phone\"] }"));

        assertThat(automation.trigger().fields()).containsExactly("email", "phone");
    }

    @Test
    void read_whenNumbersHaveTrailingZeros_keepsThemExactly() {
        Automation automation = DEFINITIONS.read(Documents.MINIMAL
                .replace("\"add_tag\"", "\"webhook\"")
                .replace("\"tag\": \"x\"", "\"url\": \"https://example.org\", \"body\": { \"price\": 1.50, \"count\": 100 }"));

        Object body = automation.entry().action().orElseThrow().params().get("body");
        assertThat(body).isEqualTo(Map.of("price", new BigDecimal("1.50"), "count", new BigDecimal("100")));
        assertThat(DEFINITIONS.write(automation)).contains("\"price\": 1.50", "\"count\": 100");
    }

    @Test
    void read_whenDocumentHasAnUnknownKey_refusesItListingTheAllowedKeys() {
        String json = Documents.MINIMAL.replace("\"trigger\"", "\"descripton\": \"x\", \"trigger\"");

        assertThatThrownBy(() -> DEFINITIONS.read(json))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("$.descripton: unknown_key: unknown key \"descripton\" in the automation; allowed keys: id,"
                        + " organizationId, name, version, status, trigger, enrollment, exitWhen, timezone, maxSteps, steps");
    }

    @Test
    void read_whenDocumentHasSeveralErrors_throwsListingEachOnItsOwnLine() {
        String json = Documents.MINIMAL.replace("\"minimal\"", "\"bad id\"").replace("\"manual\"", "\"never\"");

        InvalidDefinitionException thrown = assertThrows(InvalidDefinitionException.class, () -> DEFINITIONS.read(json));

        assertThat(thrown).isInstanceOf(AutomationException.class);
        assertThat(thrown.errors()).hasSize(2);
        assertThat(thrown.getMessage().split("\n")).containsExactly(
                "$.id: invalid_id: automation id \"bad id\" must match [A-Za-z0-9_.-]{1,64}",
                "$.trigger.type: invalid_enum: \"never\" is not one of member_created, member_updated,"
                        + " member_status_changed, member_joined_segment, member_left_segment, event_registered,"
                        + " event_attended, payment_succeeded, payment_failed, subscription_created,"
                        + " subscription_cancelled, engagement_milestone, scheduled, manual");
    }

    @Test
    void validate_whenJsonIsMalformed_reportsLineAndColumnAtTheRoot() {
        ValidationReport report = DEFINITIONS.validate("{\n  \"id\": \"broken\",\n  \"name\": \"Broken\" ,,\n}");

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$");
            assertThat(problem.code()).isEqualTo(ProblemCode.MALFORMED_JSON);
            assertThat(problem.message()).startsWith("line 3, column 21: Unexpected character (','");
        });
        assertThat(report.automation()).isEmpty();
    }

    @Test
    void validate_whenCronFieldIsWrong_namesTheField() {
        String json = Documents.MINIMAL.replace("{ \"type\": \"manual\" }",
                "{ \"type\": \"scheduled\", \"schedule\": { \"cron\": \"0 9 * * FOO\" } }");

        ValidationProblem problem = DEFINITIONS.validate(json).problems().get(0);

        assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_CRON);
        assertThat(problem.message()).startsWith("day-of-week field \"FOO\": ");
    }

    @Test
    void validate_whenCronHasSeconds_saysItFiresTooOften() {
        String json = Documents.MINIMAL.replace("{ \"type\": \"manual\" }",
                "{ \"type\": \"scheduled\", \"schedule\": { \"cron\": \"0 0 9 * * MON\" } }");

        ValidationProblem problem = DEFINITIONS.validate(json).problems().get(0);

        assertThat(problem.code()).isEqualTo(ProblemCode.CRON_TOO_FREQUENT);
        assertThat(problem.message()).contains("more often than once a minute");
    }

    @Test
    void validate_whenOnlyWarningsAreFound_acceptsTheAutomation() {
        String json = Documents.withDelaySteps(2).replace(", \"nextSteps\": [\"s1\"]", "");

        ValidationReport report = DEFINITIONS.validate(json);

        assertThat(report.isValid()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(pathsAndCodes(report)).containsExactly("$.steps[1]: unreachable_step");
        assertThat(report.warnings()).singleElement()
                .hasToString("warning: $.steps[1]: unreachable_step: step \"s1\" cannot be reached from the entry step \"s0\"");
    }

    @Test
    void validate_whenLimitsAreCustom_appliesThem() {
        AutomationDefinitions small = AutomationDefinitions.builder()
                .limits(DefinitionLimits.DEFAULT.withMaxSteps(2).withMaxConditions(3))
                .build();

        assertThat(pathsAndCodes(small.validate(Documents.withDelaySteps(3)))).containsExactly("$.steps: too_many_steps");
        assertThat(pathsAndCodes(small.validate(Documents.withExitWhen(Documents.conditions(3)))))
                .containsExactly("$.exitWhen: too_many_conditions");
        assertThat(small.validate(Documents.withExitWhen(Documents.conditions(2))).isValid()).isTrue();
    }

    @Test
    void validate_whenDocumentIsHostile_neverThrows() {
        List<String> hostile = List.of("", "null", "42", "\"text\"", "[]", "{", "{\"id\":", "\uFEFF{}",
                "{".repeat(100_000), "[".repeat(200_000), "{\"steps\": [" + "{},".repeat(10_000) + "{}]}");

        for (String json : hostile) {
            ValidationReport report = DEFINITIONS.validate(json);
            assertThat(report.isValid()).as(json.length() > 40 ? json.substring(0, 40) : json).isFalse();
            assertThat(report.errors()).isNotEmpty();
        }
    }

    @Test
    void validate_whenCustomActionTypeIsRegistered_acceptsItAndMapsItsProblemsToPaths() {
        AutomationDefinitions definitions = AutomationDefinitions.builder()
                .actionType("crm.sync", params -> params.containsKey("headers")
                        ? List.of(ParamProblem.invalid("headers.X-Signature", "must not be set by hand"))
                        : List.of())
                .build();
        String valid = Documents.MINIMAL.replace("\"add_tag\"", "\"crm.sync\"");
        String invalid = valid.replace("\"tag\": \"x\"", "\"headers\": { \"X-Signature\": \"abc\" }");

        assertThat(definitions.validate(valid).isValid()).isTrue();
        assertThat(definitions.validate(invalid).problems()).singleElement()
                .hasToString("$.steps[0].action.params.headers.X-Signature: invalid_param: must not be set by hand");
        assertThat(DEFINITIONS.validate(valid).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_ACTION_TYPE);
            assertThat(problem.message()).contains("known types: add_tag,");
        });
    }

    @Test
    void validate_whenCustomValidatorThrows_reportsAnInvalidParamInstead() {
        AutomationDefinitions definitions = AutomationDefinitions.builder()
                .actionType("flaky", params -> {
                    throw new IllegalStateException("boom");
                })
                .build();

        ValidationReport report = definitions.validate(Documents.MINIMAL.replace("\"add_tag\"", "\"flaky\""));

        assertThat(pathsAndCodes(report)).containsExactly("$.steps[0].action.params: invalid_param");
        assertThat(report.problems().get(0).message()).contains("boom");
    }

    @Test
    void validate_whenCustomValidatorReturnsNull_reportsAnInvalidParamInstead() {
        AutomationDefinitions definitions = AutomationDefinitions.builder()
                .actionType("careless", params -> null)
                .build();

        ValidationReport report = definitions.validate(Documents.MINIMAL.replace("\"add_tag\"", "\"careless\""));

        assertThat(pathsAndCodes(report)).containsExactly("$.steps[0].action.params: invalid_param");
    }

    @Test
    void validate_whenDocumentIsNotAnObject_saysWhatItIs() {
        assertThat(DEFINITIONS.validate("null").problems()).singleElement()
                .hasToString("$: invalid_type: expected an object (the automation), got null");
    }

    @Test
    void validate_whenModelIsBuiltInCode_reportsProblemsAtJsonPaths() {
        ConditionGroup badRegex = ConditionGroup.and(
                Condition.of("member.code", Operator.MATCHES, Operand.Literal.of("(unclosed")));
        Automation automation = automation(List.of(
                tag("a", "b"),
                Step.condition("b", badRegex, List.of("a"), List.of("missing")),
                Step.action("c", Action.of("send_fax", Map.of()))));

        ValidationReport report = DEFINITIONS.validate(automation);

        assertThat(pathsAndCodes(report)).containsExactlyInAnyOrder(
                "$.steps[1].condition.conditions[0].value: invalid_regex",
                "$.steps[2].action.type: unknown_action_type",
                "$.steps[1].elseSteps[0]: unknown_step",
                "$.steps[1].nextSteps[0]: cycle_without_delay",
                "$.steps[2]: unreachable_step");
        assertThat(report.problems()).filteredOn(p -> p.code() == ProblemCode.CYCLE_WITHOUT_DELAY).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("a -> b -> a"));
    }

    @Test
    void validate_whenModelIsValid_returnsAnEqualAutomation() {
        Automation automation = automation(List.of(
                tag("a", "wait"),
                Step.delay("wait", Delay.of(IsoDuration.parse("P1D")), "a")));

        ValidationReport report = DEFINITIONS.validate(automation);

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).contains(automation);
    }

    @Test
    void validate_whenModelNestsConditionsTooDeeply_reportsTooDeepWithoutOverflowing() {
        ConditionNode node = Condition.of("member.x", Operator.IS_SET);
        for (int i = 0; i < 2_000; i++) {
            node = ConditionGroup.and(node);
        }
        Automation automation = automation(List.of(Step.condition("deep", (ConditionGroup) node, List.of(), List.of())));

        ValidationReport report = DEFINITIONS.validate(automation);

        assertThat(pathsAndCodes(report)).containsExactly("$.steps[0].condition: too_deep");
        assertThatThrownBy(() -> DEFINITIONS.write(automation)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.steps[0].condition");
    }

    @Test
    void write_whenAutomationIsFull_ordersKeysAsTheFormatDoes() throws Exception {
        Automation automation = new Automation("ordered", Optional.of("org"), "Ordered", 2, AutomationStatus.ACTIVE,
                Trigger.of(TriggerType.MANUAL), new Enrollment(EnrollmentPolicy.ONCE, Optional.empty()),
                Optional.of(ConditionGroup.and()), Optional.of(ZoneId.of("Europe/Paris")), 10,
                List.of(Step.action("a", new Action("webhook", Map.of("url", "https://example.org"), OnError.RETRY, 2,
                        Optional.of(new RetryPolicy(Duration.ofSeconds(5), 3.0,
                                Duration.ofMinutes(10)))))));

        JsonNode json = new ObjectMapper().readTree(DEFINITIONS.write(automation));

        assertThat(fieldNames(json)).containsExactly("id", "organizationId", "name", "version", "status", "trigger",
                "enrollment", "exitWhen", "timezone", "maxSteps", "steps");
        assertThat(fieldNames(json.get("steps").get(0).get("action")))
                .containsExactly("type", "params", "onError", "retryCount", "retry");
        assertThat(json).isEqualTo(DEFINITIONS.toJson(automation));
        assertThat(DEFINITIONS.read(DEFINITIONS.write(automation))).isEqualTo(automation);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void builder_whenActionTypeIsBuiltIn_refusesNamingIt() {
        assertThatThrownBy(() -> AutomationDefinitions.builder().actionType("send_email", ActionParamsValidator.ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"send_email\"");
    }

    @Test
    void builder_whenActionTypeIsRegisteredTwice_refusesNamingIt() {
        AutomationDefinitions.Builder builder = AutomationDefinitions.builder().actionType("crm", ActionParamsValidator.ANY);

        assertThatThrownBy(() -> builder.actionType("crm", ActionParamsValidator.ANY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"crm\"");
    }

    @Test
    void builder_whenNameIsNotAnActionTypeName_refusesIt() {
        assertThatThrownBy(() -> AutomationDefinitions.builder().actionType("two words", ActionParamsValidator.ANY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_whenOptionIsSetTwiceOrBuiltTwice_refuses() {
        AutomationDefinitions.Builder builder = AutomationDefinitions.builder().limits(DefinitionLimits.DEFAULT);

        assertThatThrownBy(() -> builder.limits(DefinitionLimits.DEFAULT)).isInstanceOf(IllegalStateException.class);
        builder.build();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void definitionLimits_whenBelowTheirMinimum_areRefused() {
        assertThatThrownBy(() -> DefinitionLimits.DEFAULT.withMaxSteps(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DefinitionLimits.DEFAULT.withMaxNestingDepth(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DefinitionLimits.DEFAULT).isEqualTo(new DefinitionLimits(1_000_000, 64, 500, 1_000));
    }

    @Test
    void validationProblem_whenPrinted_readsPathCodeMessage() {
        assertThat(ValidationProblem.error("$.steps[2].nextSteps[0]", ProblemCode.UNKNOWN_STEP,
                "no step with id \"send-reminder\""))
                .hasToString("$.steps[2].nextSteps[0]: unknown_step: no step with id \"send-reminder\"");
        assertThat(ValidationProblem.warning("$.steps[3]", ProblemCode.UNREACHABLE_STEP, "never reached"))
                .hasToString("warning: $.steps[3]: unreachable_step: never reached");
    }

    @Test
    void validationReport_whenAutomationComesWithAnError_isRefused() {
        Automation automation = DEFINITIONS.read(Documents.MINIMAL);
        ValidationProblem error = ValidationProblem.error("$", ProblemCode.INVALID_VALUE, "bad");

        assertThatThrownBy(() -> new ValidationReport(List.of(error), Optional.of(automation)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidationReport(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemCodes_whenWritten_useStableSnakeCaseNames() {
        assertThat(ProblemCode.CYCLE_WITHOUT_DELAY.wireName()).isEqualTo("cycle_without_delay");
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(code.wireName()).matches("[a-z]+(_[a-z]+)*");
            assertThat(ProblemCode.fromWireName(code.wireName())).contains(code);
        }
    }

    @Test
    void readConditionGroup_whenValid_givesTheGroup() throws Exception {
        JsonNode json = new ObjectMapper().readTree("""
                { "operator": "or", "conditions": [
                  { "field": "member.tier", "op": "eq", "value": "gold" },
                  { "field": "member.lifetime_value", "op": "gt", "value": 500 } ] }
                """);

        ConditionGroup group = DEFINITIONS.readConditionGroup(json);

        assertThat(group.operator()).isEqualTo(GroupOperator.OR);
        assertThat(group.conditions()).hasSize(2);
    }

    @Test
    void readConditionGroup_whenInvalid_listsEveryProblemRelativeToTheGroup() throws Exception {
        JsonNode json = new ObjectMapper().readTree("""
                { "conditions": [
                  { "field": "member.tier", "op": "bigger", "value": 1 },
                  { "field": "steps.call.output.score", "op": "gt", "value": 5 },
                  { "field": "member.name", "op": "eq", "value": "x", "extra": true } ] }
                """);

        assertThatThrownBy(() -> DEFINITIONS.readConditionGroup(json))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.path() + ": " + p.code().wireName())
                        .containsExactly("$.conditions[0].op: invalid_enum", "$.conditions[2].extra: unknown_key",
                                "$.conditions[1].field: invalid_field_path"));
    }
}
