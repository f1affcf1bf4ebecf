package io.memberautomation.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Free-form JSON data inside a definition (action params, webhook bodies) as deeply immutable Java
 * values: {@link String}, {@link BigDecimal}, {@link Boolean}, {@link List} and {@link Map} with keys in
 * document order. JSON {@code null} is not representable: the validator refuses it with a clear error.
 */
public final class JsonData {
    private JsonData() {}

    /** A deep, order-preserving, immutable copy. @throws IllegalArgumentException on null or foreign types */
    public static Map<String, Object> copyObject(Map<String, ?> source) {
        Objects.requireNonNull(source, "source");
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), copyValue(value, key)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException("null is not allowed at \"" + where + "\"");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v, where + "." + k)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), where + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("unsupported JSON value at \"" + where + "\": " + value.getClass().getName());
    }
}
