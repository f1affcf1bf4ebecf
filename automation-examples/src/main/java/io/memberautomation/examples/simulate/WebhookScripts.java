package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberautomation.spi.delivery.WebhookResponse;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scenario's scripted webhook answers: {@code { "url": ..., "responses": [ { "status": 503,
 * "headers": { "Retry-After": "120" } }, { "status": 200, "body": { "score": 80 } } ] }}. A body that is
 * a JSON string is sent as that text; any other body as its JSON text.
 */
final class WebhookScripts {
    record Script(String url, List<WebhookResponse> responses) {}

    private final ObjectMapper mapper;
    private final Problems problems;

    WebhookScripts(ObjectMapper mapper, Problems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    Optional<Script> read(JsonNode node, String path) {
        Optional<JsonFields> opened = JsonFields.open(node, path, problems, "a scripted webhook",
                List.of("url", "responses"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        JsonFields fields = opened.get();
        int before = problems.count();
        Optional<String> url = fields.requiredText("url", "a scripted webhook");
        List<WebhookResponse> responses = new ArrayList<>();
        fields.required("responses", "a scripted webhook").flatMap(value -> fields.array(value, fields.at("responses")))
                .ifPresent(answers -> {
                    if (answers.isEmpty()) {
                        problems.add(fields.at("responses"), "invalid_value", "list at least one answer");
                    }
                    for (int i = 0; i < answers.size(); i++) {
                        response(answers.get(i), Problems.index(fields.at("responses"), i)).ifPresent(responses::add);
                    }
                });
        if (problems.count() > before || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Script(url.get(), responses));
    }

    private Optional<WebhookResponse> response(JsonNode node, String path) {
        Optional<JsonFields> opened = JsonFields.open(node, path, problems, "a scripted answer",
                List.of("status", "body", "headers"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        JsonFields fields = opened.get();
        int before = problems.count();
        Optional<Integer> status = fields.required("status", "a scripted answer").flatMap(value -> {
            if (!value.isIntegralNumber() || value.intValue() < 100 || value.intValue() > 599) {
                problems.add(fields.at("status"), "invalid_value", "expected an HTTP status from 100 to 599");
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        });
        Optional<String> body = fields.optional("body").map(value -> value.isTextual() ? value.textValue() : write(value));
        Map<String, String> headers = fields.optional("headers").map(value -> headers(value, fields.at("headers")))
                .orElse(Map.of());
        if (problems.count() > before || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookResponse(status.get(), headers, Optional.of(body.orElse(""))));
    }

    /** Header names in lower case, as transports report them. */
    private Map<String, String> headers(JsonNode node, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(path, "invalid_type", "expected an object of header names to values, got "
                    + JsonFields.describe(node));
            return headers;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                problems.add(Problems.key(path, entry.getKey()), "invalid_type", "a header value is a string");
            } else {
                headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().textValue());
            }
        }
        return headers;
    }

    private String write(JsonNode value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
