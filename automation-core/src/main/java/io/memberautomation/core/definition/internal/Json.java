package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.spi.AutomationException;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson configuration of the definition format, and conversions between JSON trees and the
 * model's {@link io.memberautomation.core.model.JsonData} values.
 */
final class Json {
    private Json() {}

    /**
     * Numbers are read as {@link BigDecimal} exactly as written ({@code 1.50} stays {@code 1.50}) so that
     * reading what was written gives an equal model; trailing garbage after the document is an error.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new AutomationException("cannot write a JSON tree", e);
        }
    }

    /** A JSON tree for a {@code JsonData} value: String, BigDecimal, Boolean, List or Map. */
    static JsonNode toNode(Object value) {
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof BigDecimal number) {
            return DecimalNode.valueOf(number);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), toNode(element)));
            return object;
        }
        throw new IllegalArgumentException("not JSON data: " + value.getClass().getName());
    }

    /**
     * The {@code JsonData} value of a tree. Every JSON null is reported as {@code null_not_allowed} at its
     * exact path and left out, so one pass finds them all.
     */
    static @Nullable Object toData(JsonNode node, JsonPath at, Problems problems) {
        if (node.isNull()) {
            problems.error(at, ProblemCode.NULL_NOT_ALLOWED, "null is not allowed; leave the key out instead");
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                Object element = toData(node.get(i), at.index(i), problems);
                if (element != null) {
                    list.add(element);
                }
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            return objectData(node, at, problems);
        }
        problems.error(at, ProblemCode.INVALID_TYPE, "expected JSON data, got " + Values.describe(node));
        return null;
    }

    static Map<String, Object> objectData(JsonNode object, JsonPath at, Problems problems) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            Object value = toData(entry.getValue(), at.key(entry.getKey()), problems);
            if (value != null) {
                map.put(entry.getKey(), value);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
