package io.memberautomation.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON Schema that ships with the library, loaded once for the tests that check documents against it. */
final class AutomationSchema {
    private AutomationSchema() {}

    private static final String RESOURCE = "/io/memberautomation/core/automation.schema.json";
    private static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
        try (InputStream in = AutomationSchema.class.getResourceAsStream(RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(DocsExamples.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the document departs from the schema; empty when it conforms. */
    static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    static String describe(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::toString).collect(Collectors.joining("\n"));
    }
}
