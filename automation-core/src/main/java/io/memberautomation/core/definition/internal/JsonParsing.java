package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.DefinitionLimits;
import io.memberautomation.core.definition.ProblemCode;

import java.io.IOException;
import java.util.Optional;

/**
 * Parses a document into a tree under the configured limits: its length is checked before parsing and
 * the parser itself refuses deeper nesting, so a hostile document costs bounded memory and stack.
 */
final class JsonParsing {

    private final DefinitionLimits limits;
    private final JsonFactory factory;

    JsonParsing(DefinitionLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(limits.maxDocumentChars())
                        .build())
                // a repeated key would otherwise silently win over the first one
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The tree, or empty after reporting exactly one problem at {@code $}. */
    Optional<JsonNode> parse(String json, Problems problems) {
        if (json.length() > limits.maxDocumentChars()) {
            problems.error(JsonPath.ROOT, ProblemCode.DOCUMENT_TOO_LARGE, "the document has " + json.length()
                    + " characters, more than the limit of " + limits.maxDocumentChars());
            return Optional.empty();
        }
        try (JsonParser parser = factory.createParser(json)) {
            JsonNode tree = Json.MAPPER.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                problems.error(JsonPath.ROOT, ProblemCode.MALFORMED_JSON, "the document is empty");
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (StreamConstraintsException e) {
            problems.error(JsonPath.ROOT, constraintCode(e), at(e) + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            problems.error(JsonPath.ROOT, ProblemCode.MALFORMED_JSON, at(e) + e.getOriginalMessage());
        } catch (IOException e) {
            problems.error(JsonPath.ROOT, ProblemCode.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
        return Optional.empty();
    }

    private static ProblemCode constraintCode(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return ProblemCode.TOO_DEEP;
        }
        if (message.contains("Document length")) {
            return ProblemCode.DOCUMENT_TOO_LARGE;
        }
        return ProblemCode.INVALID_VALUE;
    }

    private static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
