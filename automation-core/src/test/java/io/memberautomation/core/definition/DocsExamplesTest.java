package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.MemberActions;
import io.memberautomation.core.definition.internal.ActionTypes;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.trigger.TriggerLoops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's examples are checked, and the documents cannot drift from them. Every step and
 * condition example conforms to the JSON Schema and validates without a problem once wrapped in the
 * smallest automation (the complete automations are checked by {@link ExampleAutomationsTest}, which finds
 * every {@code *.automation.json}); every code block of the format documents that names an example file is
 * that file byte for byte (or what the engine reports about it); and the examples show every trigger type,
 * built-in action type, operator, value form and delay form, while the format document names every problem
 * code.
 */
class DocsExamplesTest {

    /** The custom action type of the documentation's custom-action example, as a host would register it. */
    private static final String CUSTOM_TYPE = "award_badge";
    private static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.builder()
            .actionType(CUSTOM_TYPE, params -> params.containsKey("badge") ? List.of()
                    : List.of(ParamProblem.missing("badge")))
            .build();

    private static final Path WORKFLOW_FORMAT = DocsExamples.DOCS.resolve("workflow-format.md");
    private static final Path SCENARIO_FORMAT = DocsExamples.DOCS.resolve("scenario-format.md");
    private static final List<Path> DOCUMENTS = List.of(WORKFLOW_FORMAT, SCENARIO_FORMAT);

    static List<Path> steps() {
        return DocsExamples.steps();
    }

    static List<Path> conditions() {
        return DocsExamples.conditions();
    }

    static List<Path> invalidExamples() {
        return DocsExamples.invalid();
    }

    /** Every fenced block of both format documents. */
    static List<DocumentBlock> blocks() {
        List<DocumentBlock> all = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            MarkdownBlocks.parse(DocsExamples.read(document))
                    .forEach(block -> all.add(new DocumentBlock(document, block)));
        }
        return all;
    }

    record DocumentBlock(Path document, MarkdownBlocks.Block block) {
        @Override
        public String toString() {
            return document.getFileName() + " " + block;
        }
    }

    /** Every automation document of every scenario example (in {@code automations} and timeline saves). */
    static List<ScenarioAutomation> scenarioAutomations() {
        List<ScenarioAutomation> all = new ArrayList<>();
        for (Path file : DocsExamples.scenarios()) {
            JsonNode scenario = DocsExamples.tree(DocsExamples.read(file));
            JsonNode automations = scenario.path("automations");
            for (int i = 0; i < automations.size(); i++) {
                all.add(new ScenarioAutomation(file.getFileName() + " automations[" + i + "]", automations.get(i)));
            }
            JsonNode timeline = scenario.path("timeline");
            for (int i = 0; i < timeline.size(); i++) {
                if (timeline.get(i).has("save")) {
                    all.add(new ScenarioAutomation(file.getFileName() + " timeline[" + i + "].save",
                            timeline.get(i).get("save")));
                }
            }
        }
        return all;
    }

    record ScenarioAutomation(String name, JsonNode document) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---- partial examples validate --------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void stepExample_whenWrappedInAnAutomation_conformsToTheSchema(Path file) {
        Set<ValidationMessage> messages =
                AutomationSchema.validate(DocsExamples.tree(DocsExamples.wrapStep(DocsExamples.read(file))));

        assertThat(messages).as(AutomationSchema.describe(messages)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void stepExample_whenWrappedInAnAutomation_validatesWithoutProblems(Path file) {
        ValidationReport report = DEFINITIONS.validate(DocsExamples.wrapStep(DocsExamples.read(file)));

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditionExample_whenWrappedInAnAutomation_conformsToTheSchema(Path file) {
        Set<ValidationMessage> messages =
                AutomationSchema.validate(DocsExamples.tree(DocsExamples.wrapCondition(DocsExamples.read(file))));

        assertThat(messages).as(AutomationSchema.describe(messages)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditionExample_whenWrappedInAnAutomation_validatesWithoutProblems(Path file) {
        ValidationReport report =
                AutomationDefinitions.standard().validate(DocsExamples.wrapCondition(DocsExamples.read(file)));

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).isPresent();
    }

    @Test
    void customActionExample_whenItsTypeIsNotRegistered_isRefusedAsUnknownActionType() {
        String wrapped = DocsExamples.wrapStep(DocsExamples.read(DocsExamples.EXAMPLES.resolve(
                "steps/custom-action.step.json")));

        ValidationReport report = AutomationDefinitions.standard().validate(wrapped);

        assertThat(report.errors()).extracting(ValidationProblem::code)
                .containsExactly(ProblemCode.UNKNOWN_ACTION_TYPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioAutomations")
    void scenarioExampleAutomation_whenCheckedAgainstTheSchema_conforms(ScenarioAutomation automation) {
        Set<ValidationMessage> messages = AutomationSchema.validate(automation.document());

        assertThat(messages).as(AutomationSchema.describe(messages)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioAutomations")
    void scenarioExampleAutomation_whenValidated_hasNoProblems(ScenarioAutomation automation) {
        ValidationReport report = AutomationDefinitions.standard().validate(automation.document().toString());

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).isPresent();
    }

    @Test
    void scenarioExamples_whenCounted_holdAtLeastOneAutomation() {
        assertThat(DocsExamples.scenarios()).isNotEmpty();
        assertThat(scenarioAutomations()).isNotEmpty();
    }

    // ---- the documents show the files, byte for byte --------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void documentBlock_whenChecked_showsItsFileByteForByteOrStandsOnItsOwn(DocumentBlock shown) {
        MarkdownBlocks.Block block = shown.block();
        Optional<MarkdownBlocks.Marker> marker = block.marker();
        if (marker.isEmpty()) {
            assertThat(unmarkedBlockIsFine(shown)).as("%s names no example file, so it must be a valid automation,"
                    + " step or condition (scenario-format.md: a JSON object), or not a json block", shown).isTrue();
            return;
        }
        Path file = DocsExamples.DOCS.resolve(marker.get().file());
        String expected = switch (marker.get().kind()) {
            case EXAMPLE, INVALID_EXAMPLE -> DocsExamples.read(file);
            case VALIDATION_OUTPUT -> validationOutput(file);
            case TRIGGER_LOOP_OUTPUT -> triggerLoopOutput(file);
        };
        String language = marker.get().kind().showsFile() ? "json" : "text";

        assertThat(block.language()).as("the fence of %s", shown).isEqualTo(language);
        assertThat(block.content()).as("%s must show %s byte for byte", shown, marker.get().file()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExample_whenValidated_isRefused(Path file) {
        assertThat(AutomationDefinitions.standard().validate(DocsExamples.read(file)).isValid()).isFalse();
    }

    @Test
    void exampleFiles_whenLookedForInTheDocuments_areEachShownInABlock() {
        Set<String> shown = new TreeSet<>();
        blocks().forEach(block -> block.block().marker()
                .filter(marker -> marker.kind().showsFile())
                .ifPresent(marker -> shown.add(marker.file())));
        Set<String> files = new TreeSet<>();
        DocsExamples.all().forEach(file -> files.add(DocsExamples.relative(file)));
        DocsExamples.invalid().forEach(file -> files.add(DocsExamples.relative(file)));

        assertThat(shown).isEqualTo(files);
    }

    @Test
    void markers_whenCountedInTheDocuments_eachStandRightBeforeABlock() {
        for (Path document : DOCUMENTS) {
            String markdown = DocsExamples.read(document);
            List<MarkdownBlocks.Marker> inBlocks = MarkdownBlocks.parse(markdown).stream()
                    .flatMap(block -> block.marker().stream()).toList();

            assertThat(MarkdownBlocks.markers(markdown)).as(document.toString()).isEqualTo(inBlocks);
        }
    }

    // ---- coverage ---------------------------------------------------------------------------------

    @Test
    void automationExamples_whenTheirTriggersAreCollected_coverEveryTriggerType() {
        Set<String> triggers = new TreeSet<>();
        DocsExamples.automations().forEach(file ->
                triggers.add(DocsExamples.tree(DocsExamples.read(file)).path("trigger").path("type").asText()));

        assertThat(triggers).containsExactlyInAnyOrderElementsOf(WireName.all(TriggerType.class));
    }

    @Test
    void builtInActionTypes_whenListedByTheEngineAndTheValidator_areTheSameEleven() {
        assertThat(builtInActionTypes()).hasSize(11).allMatch(ActionTypes::isBuiltIn);
    }

    @Test
    void examples_whenTheirActionsAreCollected_coverEveryBuiltInActionType() {
        Set<String> actions = collect(node -> node.path("action").isObject(),
                node -> node.path("action").path("type").asText());

        assertThat(actions).containsAll(builtInActionTypes()).contains(CUSTOM_TYPE);
    }

    @Test
    void examples_whenTheirConditionsAreCollected_coverEveryOperator() {
        Set<String> operators = collect(node -> node.path("op").isTextual(), node -> node.path("op").asText());

        assertThat(operators).containsExactlyInAnyOrderElementsOf(WireName.all(Operator.class));
    }

    @Test
    void examples_whenTheirConditionValuesAreCollected_coverEveryValueForm() {
        Set<String> forms = collect(node -> node.path("op").isTextual() && node.has("value"),
                node -> valueForm(node.path("op").asText(), node.path("value")));

        assertThat(forms).contains("literal", "list", "field", "relative", "between-relative");
    }

    @Test
    void examples_whenTheirDelaysAreCollected_coverEveryDelayForm() {
        Set<String> forms = collectAll(node -> node.has("duration") || node.has("until"),
                DocsExamplesTest::delayForms);

        assertThat(forms).contains("duration", "until+offset", "at+timezone");
    }

    @Test
    void workflowFormat_whenSearchedForProblemCodes_namesEveryOne() {
        String markdown = DocsExamples.read(WORKFLOW_FORMAT);

        assertThat(WireName.all(ProblemCode.class))
                .allSatisfy(code -> assertThat(markdown).contains("`" + code + "`"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** What validating the file reports, one problem a line, as {@link ValidationProblem#toString()} writes it. */
    private static String validationOutput(Path file) {
        StringBuilder out = new StringBuilder();
        AutomationDefinitions.standard().validate(DocsExamples.read(file)).problems()
                .forEach(problem -> out.append(problem).append('\n'));
        return out.toString();
    }

    /** The trigger loop warnings of saving the automation alone in its organization, one a line. */
    private static String triggerLoopOutput(Path file) {
        Automation automation = AutomationDefinitions.standard().read(DocsExamples.read(file));
        StringBuilder out = new StringBuilder();
        new TriggerLoops(List.of()).warnings(automation, automation.organizationId().orElse("default"), List.of())
                .forEach(problem -> out.append(problem).append('\n'));
        return out.toString();
    }

    private static boolean unmarkedBlockIsFine(DocumentBlock shown) {
        if (!shown.block().language().equals("json")) {
            return true;
        }
        String content = shown.block().content();
        if (shown.document().equals(SCENARIO_FORMAT)) {
            try {
                return DocsExamples.tree(content).isObject();
            } catch (RuntimeException notJson) {
                return false;
            }
        }
        return validatesAsAutomationStepOrCondition(content);
    }

    private static boolean validatesAsAutomationStepOrCondition(String json) {
        return List.of(json, DocsExamples.wrapStep(json), DocsExamples.wrapCondition(json)).stream()
                .anyMatch(document -> {
                    try {
                        return AutomationSchema.validate(DocsExamples.tree(document)).isEmpty()
                                && DEFINITIONS.validate(document).problems().isEmpty();
                    } catch (RuntimeException notJson) {
                        return false;
                    }
                });
    }

    private static Set<String> builtInActionTypes() {
        Set<String> types = new TreeSet<>(BuiltInActions.CHANNEL_TYPES);
        types.addAll(MemberActions.TYPES);
        types.add(BuiltInActions.WAIT);
        return types;
    }

    /** Something of every object of every example file, for the objects that {@code select} picks. */
    private static Set<String> collect(Predicate<JsonNode> select, Function<JsonNode, String> what) {
        return collectAll(select, node -> List.of(what.apply(node)));
    }

    private static Set<String> collectAll(Predicate<JsonNode> select, Function<JsonNode, List<String>> what) {
        Set<String> found = new TreeSet<>();
        for (Path file : DocsExamples.all()) {
            DocsExamples.eachObject(DocsExamples.tree(DocsExamples.read(file)), node -> {
                if (select.test(node)) {
                    found.addAll(what.apply(node));
                }
            });
        }
        return found;
    }

    private static String valueForm(String op, JsonNode value) {
        if (value.isObject()) {
            return value.has("field") ? "field" : "relative";
        }
        if (value.isArray()) {
            boolean relativeBounds = value.size() == 2 && value.get(0).has("relative") && value.get(1).has("relative");
            return op.equals("between") && relativeBounds ? "between-relative" : "list";
        }
        return "literal";
    }

    /** The forms one delay (or wait action's params) shows. */
    private static List<String> delayForms(JsonNode delay) {
        List<String> forms = new ArrayList<>();
        if (delay.has("duration")) {
            forms.add("duration");
        }
        if (delay.path("until").has("offset")) {
            forms.add("until+offset");
        }
        if (delay.has("at") && delay.has("timezone")) {
            forms.add("at+timezone");
        }
        return forms;
    }
}
