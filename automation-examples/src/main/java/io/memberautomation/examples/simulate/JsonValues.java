package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between JSON trees and the engine's data values (member fields, event payloads, step output).
 * Going in: whole numbers become {@code Long} (or {@code BigDecimal} when too large), other numbers
 * {@code BigDecimal}, objects order-preserving maps; JSON null is refused, since the engine's data has no
 * nulls. Going out: dates and instants, and anything else that is not JSON, become their ISO text.
 */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** The value of a JSON node; a null anywhere inside is reported at its path and the value is empty. */
    static Optional<Object> toData(JsonNode node, String path, Problems problems) {
        int before = problems.count();
        Object value = convert(node, path, problems);
        return problems.count() == before ? Optional.of(value) : Optional.empty();
    }

    /** The fields of a JSON object as an order-preserving map, every null reported. */
    static Map<String, Object> toFields(JsonNode object, String path, Problems problems) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String at = Problems.key(path, entry.getKey());
            toData(entry.getValue(), at, problems).ifPresent(value -> fields.put(entry.getKey(), value));
        }
        return fields;
    }

    private static Object convert(JsonNode node, String path, Problems problems) {
        if (node.isNull()) {
            problems.add(path, "null_not_allowed", "null is not allowed: leave the key out instead");
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                values.add(convert(node.get(i), Problems.index(path, i), problems));
            }
            return values;
        }
        return toFields(node, path, problems);
    }

    /** The JSON form of an engine value. */
    static JsonNode toJson(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), item == null ? NODES.nullNode() : toJson(item)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(item == null ? NODES.nullNode() : toJson(item)));
            return array;
        }
        return NODES.textNode(String.valueOf(value));
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
