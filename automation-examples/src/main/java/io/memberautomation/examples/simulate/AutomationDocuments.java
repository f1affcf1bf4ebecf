package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.definition.ValidationReport;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.AutomationStatus;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Checks the automation documents a scenario embeds with the engine's own validation, before anything
 * runs, and reports their problems at their paths in the scenario ({@code $.automations[0].steps[2]...}).
 */
final class AutomationDocuments {
    private final ObjectMapper mapper;
    private final AutomationDefinitions definitions = AutomationDefinitions.standard();
    private final String organizationId;
    private final Problems problems;

    AutomationDocuments(ObjectMapper mapper, String organizationId, Problems problems) {
        this.mapper = mapper;
        this.organizationId = organizationId;
        this.problems = problems;
    }

    /** The document at {@code path}, when valid and of the scenario's organization. */
    Optional<Scenario.AutomationDocument> read(JsonNode node, String path) {
        String json = write(node);
        ValidationReport report = definitions.validate(json);
        for (ValidationProblem problem : report.problems()) {
            problems.addEmbedded(path, problem);
        }
        if (report.automation().isEmpty()) {
            return Optional.empty();
        }
        Automation automation = report.automation().get();
        if (automation.organizationId().filter(org -> !org.equals(organizationId)).isPresent()) {
            problems.add(Problems.key(path, "organizationId"), "organization_mismatch", "the automation belongs to \""
                    + automation.organizationId().get() + "\", the scenario's organization is \"" + organizationId
                    + "\"");
            return Optional.empty();
        }
        return Optional.of(new Scenario.AutomationDocument(path, json, automation.id(),
                automation.status() == AutomationStatus.ACTIVE));
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
