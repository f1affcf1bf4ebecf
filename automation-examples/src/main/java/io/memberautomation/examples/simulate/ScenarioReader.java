package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.memberautomation.core.AutomationEngineBuilder;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import io.memberautomation.core.policy.SendPolicy;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks a scenario document (scenario-format.md). Every problem is reported at once, each with
 * its JSON path, as an {@link InvalidScenarioException}; a scenario that reads has nothing left to refuse
 * except what only the engine can decide while it runs.
 */
final class ScenarioReader {
    static final List<String> KEYS = List.of("description", "organization", "start", "until", "automations",
            "segments", "templates", "members", "webhooks", "timeline");

    /**
     * Strict like the definition reader: a repeated key or trailing text is an error, not a silent choice.
     * Decimals keep their digits as written.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final Problems problems = new Problems();

    Scenario read(String text) {
        JsonNode root = parse(text);
        JsonFields scenario = JsonFields.open(root, "$", problems, "a scenario", KEYS)
                .orElseThrow(() -> new InvalidScenarioException(problems.all()));
        scenario.optionalText("description");
        Optional<JsonFields> organization = scenario.optional("organization").flatMap(node ->
                JsonFields.open(node, scenario.at("organization"), problems, "the organization",
                        List.of("id", "timezone", "sendPolicy")));
        String organizationId = organization.flatMap(fields -> fields.requiredText("id", "the organization"))
                .orElse(AutomationEngineBuilder.DEFAULT_ORGANIZATION_ID);
        ZoneId zone = organization.flatMap(fields -> fields.optionalZone("timezone")).orElse(ZoneOffset.UTC);
        SendPolicy sendPolicy = organization.flatMap(fields -> fields.optional("sendPolicy")
                .map(node -> new SendPolicyReader(problems).read(node, fields.at("sendPolicy"))))
                .orElse(SendPolicy.NONE);
        Optional<Instant> start = scenario.requiredInstant("start", "a scenario");
        Optional<Instant> until = scenario.requiredInstant("until", "a scenario");
        if (start.isPresent() && until.isPresent() && !until.get().isAfter(start.get())) {
            problems.add(scenario.at("until"), "invalid_value", "until (" + until.get() + ") must be after start ("
                    + start.get() + ")");
        }
        AutomationDocuments documents = new AutomationDocuments(MAPPER, organizationId, problems);
        List<Scenario.AutomationDocument> automations = automations(scenario, documents);
        List<Segment> segments = segments(scenario, organizationId);
        List<Template> templates = templates(scenario);
        List<Member> members = members(scenario, organizationId);
        Map<String, List<WebhookResponse>> webhooks = webhooks(scenario);
        Set<String> memberIds = declaredIds(scenario, "members");
        Set<String> automationIds = declaredIds(scenario, "automations");
        List<TimelineEntry> timeline = scenario.optionalArray("timeline")
                .map(entries -> new TimelineReader(problems, organizationId, start, until, documents)
                        .read(entries, scenario.at("timeline"), memberIds, automationIds))
                .orElse(List.of());
        problems.throwIfAny();
        return new Scenario(organizationId, zone, sendPolicy, start.orElseThrow(), until.orElseThrow(), automations, segments,
                templates, members, webhooks, timeline, problems.warnings());
    }

    private JsonNode parse(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw invalid("$", "malformed_json", "the scenario is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? ""
                    : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
            throw invalid("$", "malformed_json", where + e.getOriginalMessage());
        }
    }

    /**
     * The ids the entries of a list declare, valid entries or not: an entry with a problem of its own is
     * still known to the timeline, so one mistake is reported once, not again at every reference to it.
     */
    private static Set<String> declaredIds(JsonFields scenario, String list) {
        Set<String> ids = new HashSet<>();
        JsonNode entries = scenario.node().path(list);
        if (entries.isArray()) {
            entries.forEach(entry -> {
                if (entry.path("id").isTextual()) {
                    ids.add(entry.path("id").textValue());
                }
            });
        }
        return ids;
    }

    private static InvalidScenarioException invalid(String path, String code, String message) {
        return new InvalidScenarioException(List.of(new ScenarioProblem(path, code, message)));
    }

    private List<Scenario.AutomationDocument> automations(JsonFields scenario, AutomationDocuments documents) {
        List<Scenario.AutomationDocument> automations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> nodes = scenario.optionalArray("automations").orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = Problems.index(scenario.at("automations"), i);
            documents.read(nodes.get(i), path).ifPresent(document -> {
                if (!ids.add(document.id())) {
                    problems.add(Problems.key(path, "id"), "duplicate_id", "automation \"" + document.id()
                            + "\" is listed twice; save a new version with a timeline \"save\" entry instead");
                } else {
                    automations.add(document);
                }
            });
        }
        return automations;
    }

    private List<Segment> segments(JsonFields scenario, String organizationId) {
        List<Segment> segments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> nodes = scenario.optionalArray("segments").orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = Problems.index(scenario.at("segments"), i);
            JsonFields.open(nodes.get(i), path, problems, "a segment", List.of("id", "name", "conditions", "static"))
                    .flatMap(fields -> segment(fields, organizationId))
                    .filter(segment -> unique(ids, segment.id(), Problems.key(path, "id"), "segment"))
                    .ifPresent(segments::add);
        }
        return segments;
    }

    private Optional<Segment> segment(JsonFields fields, String organizationId) {
        int before = problems.count();
        Optional<String> id = fields.requiredText("id", "a segment");
        String name = fields.optionalText("name").orElse(id.orElse(""));
        boolean isStatic = fields.optionalBoolean("static").orElse(false);
        Optional<ConditionGroup> conditions = fields.optional("conditions").flatMap(node -> {
            try {
                return Optional.of(AutomationDefinitions.standard().readConditionGroup(node));
            } catch (InvalidDefinitionException e) {
                for (ValidationProblem problem : e.problems()) {
                    problems.addEmbedded(fields.at("conditions"), problem);
                }
                return Optional.empty();
            }
        });
        if (isStatic && fields.has("conditions")) {
            problems.add(fields.at("conditions"), "invalid_value", "a static segment has no conditions: its members"
                    + " are listed in their \"segments\" field");
        } else if (!isStatic && !fields.has("conditions")) {
            problems.add(fields.path(), "missing_key", "a segment needs \"conditions\" (a dynamic segment) or"
                    + " \"static\": true");
        }
        if (problems.count() > before || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Segment(organizationId, id.get(), name, conditions));
    }

    private List<Template> templates(JsonFields scenario) {
        List<Template> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> nodes = scenario.optionalArray("templates").orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = Problems.index(scenario.at("templates"), i);
            JsonFields.open(nodes.get(i), path, problems, "a template", List.of("id", "subject", "body", "html"))
                    .flatMap(fields -> {
                        Optional<String> id = fields.requiredText("id", "a template");
                        Optional<String> subject = fields.requiredText("subject", "a template");
                        Optional<String> body = fields.requiredText("body", "a template");
                        Optional<String> html = fields.optionalText("html");
                        if (id.isEmpty() || subject.isEmpty() || body.isEmpty()
                                || !unique(ids, id.get(), fields.at("id"), "template")) {
                            return Optional.empty();
                        }
                        return Optional.of(new Template(id.get(), subject.get(), body.get(), html));
                    })
                    .ifPresent(templates::add);
        }
        return templates;
    }

    private List<Member> members(JsonFields scenario, String organizationId) {
        List<Member> members = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> nodes = scenario.optionalArray("members").orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = Problems.index(scenario.at("members"), i);
            MemberReader.read(nodes.get(i), path, organizationId, problems)
                    .filter(member -> unique(ids, member.id(), Problems.key(path, "id"), "member"))
                    .ifPresent(members::add);
        }
        return members;
    }

    private Map<String, List<WebhookResponse>> webhooks(JsonFields scenario) {
        Map<String, List<WebhookResponse>> webhooks = new LinkedHashMap<>();
        List<JsonNode> nodes = scenario.optionalArray("webhooks").orElse(List.of());
        WebhookScripts scripts = new WebhookScripts(MAPPER, problems);
        for (int i = 0; i < nodes.size(); i++) {
            String path = Problems.index(scenario.at("webhooks"), i);
            scripts.read(nodes.get(i), path).ifPresent(script -> {
                if (webhooks.containsKey(script.url())) {
                    problems.add(Problems.key(path, "url"), "duplicate_id", "the URL \"" + script.url()
                            + "\" is scripted twice; list all its answers in one entry");
                } else {
                    webhooks.put(script.url(), script.responses());
                }
            });
        }
        return webhooks;
    }

    private boolean unique(Set<String> ids, String id, String path, String what) {
        if (ids.add(id)) {
            return true;
        }
        problems.add(path, "duplicate_id", "there is already a " + what + " \"" + id + "\"");
        return false;
    }
}
