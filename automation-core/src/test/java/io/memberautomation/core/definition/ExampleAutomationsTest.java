package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.EnrollmentPolicy;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.StepType;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code *.automation.json} in the repository is valid twice over: against the shipped JSON Schema
 * and against the engine's own validation. The schema and the model agree on every enum.
 */
class ExampleAutomationsTest {

    private static final String SCHEMA_RESOURCE = "/io/memberautomation/core/automation.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonNode SCHEMA_JSON = schemaJson();
    private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_JSON);

    static List<Path> examples() {
        return ExampleFiles.all();
    }

    private static JsonNode schemaJson() {
        try (InputStream in = ExampleAutomationsTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void repositoryWalk_whenLookingForExamples_findsAtLeastEight() {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(file -> assertThat(file.toString()).doesNotContain("/target/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_whenCheckedAgainstTheSchema_conforms(Path file) {
        Set<ValidationMessage> messages = SCHEMA.validate(parse(ExampleFiles.read(file)));

        assertThat(messages).as(describe(messages)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_whenValidated_hasNoErrorsAndNoWarnings(Path file) {
        ValidationReport report = ExampleFiles.DEFINITIONS.validate(ExampleFiles.read(file));

        assertThat(report.problems()).isEmpty();
        assertThat(report.automation()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void writtenExample_whenCheckedAgainstTheSchema_conforms(Path file) {
        String written = ExampleFiles.DEFINITIONS.write(ExampleFiles.DEFINITIONS.read(ExampleFiles.read(file)));

        Set<ValidationMessage> messages = SCHEMA.validate(parse(written));

        assertThat(messages).as(describe(messages)).isEmpty();
    }

    @Test
    void schema_whenCheckedAgainstTheDraft202012MetaSchema_isValid() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        Set<ValidationMessage> messages = metaSchema.validate(SCHEMA_JSON);

        assertThat(messages).as(describe(messages)).isEmpty();
    }

    @Test
    void schemaEnums_whenComparedWithTheModel_listTheSameWireNames() {
        JsonNode defs = SCHEMA_JSON.get("$defs");

        assertThat(enumOf(defs, "automationStatus")).isEqualTo(WireName.all(AutomationStatus.class));
        assertThat(enumOf(defs, "triggerType")).isEqualTo(WireName.all(TriggerType.class));
        assertThat(enumOf(defs, "enrollmentPolicy")).isEqualTo(WireName.all(EnrollmentPolicy.class));
        assertThat(enumOf(defs, "audience")).isEqualTo(WireName.all(Schedule.Audience.class));
        assertThat(enumOf(defs, "misfire")).isEqualTo(WireName.all(Schedule.Misfire.class));
        assertThat(enumOf(defs, "stepType")).isEqualTo(WireName.all(StepType.class));
        assertThat(enumOf(defs, "onError")).isEqualTo(WireName.all(OnError.class));
        assertThat(enumOf(defs, "groupOperator")).isEqualTo(WireName.all(GroupOperator.class));
        assertThat(enumOf(defs, "operator")).isEqualTo(WireName.all(Operator.class));
        assertThat(enumOf(defs, "unaryOperator")).containsExactlyElementsOf(
                java.util.Arrays.stream(Operator.values()).filter(Operator::isUnary).map(WireName::of).toList());
    }

    @Test
    void schema_whenGivenDocumentsTheEngineRefuses_refusesThemToo() {
        for (String invalid : List.of(
                Documents.MINIMAL.replace("\"manual\"", "\"member_signed_up\""),
                Documents.MINIMAL.replace("\"trigger\"", "\"descripton\": \"typo\", \"trigger\""),
                Documents.MINIMAL.replace("\"tag\": \"x\"", "\"tag\": \"x\", \"color\": \"red\""),
                Documents.MINIMAL.replace("\"add_tag\"", "\"send_email\""),
                Documents.MINIMAL.replace("\"tag\": \"x\"", "\"tag\": null"))) {
            assertThat(SCHEMA.validate(parse(invalid))).as(invalid).isNotEmpty();
            assertThat(AutomationDefinitions.standard().validate(invalid).isValid()).as(invalid).isFalse();
        }
    }

    private static List<String> enumOf(JsonNode defs, String name) {
        List<String> values = new ArrayList<>();
        defs.get(name).get("enum").forEach(value -> values.add(value.asText()));
        return values;
    }
}
