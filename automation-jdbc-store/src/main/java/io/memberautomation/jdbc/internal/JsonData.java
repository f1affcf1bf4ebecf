package io.memberautomation.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.memberautomation.spi.AutomationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of the data maps that cross the SPI (trigger data, step outputs, log details, timer data,
 * member fields), built so that what is read back equals what was written, type for type.
 *
 * <p>Strings, booleans, lists and objects are plain JSON. A plain JSON number is a {@link BigDecimal}, as
 * everywhere in the engine's JSON (so a host writing plain JSON into a member row or the outbox gets the
 * numbers a definition would). Every other value is a one-key object naming its type, in the manner of
 * MongoDB's extended JSON: {@code {"$int": 5}}, {@code {"$long": 5}}, {@code {"$double": "0.5"}},
 * {@code {"$date": "2031-01-01"}}, {@code {"$instant": "2030-01-01T09:00:00Z"}}, and so on. A key of the
 * data that starts with {@code $} is written with one more {@code $}, so a one-key object whose key is a
 * type name is always a typed value. PostgreSQL's JSONB keeps numbers exactly and only reorders keys,
 * which map equality ignores.
 */
public final class JsonData {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String ESCAPE = "$";

    private static final Map<String, Function<Object, Object>> READERS = Map.ofEntries(
            Map.entry("$int", v -> decimal(v).intValueExact()),
            Map.entry("$long", v -> decimal(v).longValueExact()),
            Map.entry("$short", v -> decimal(v).shortValueExact()),
            Map.entry("$byte", v -> decimal(v).byteValueExact()),
            Map.entry("$bigInteger", v -> new BigInteger(text(v))),
            Map.entry("$decimal", v -> new BigDecimal(text(v))),
            Map.entry("$double", v -> Double.valueOf(text(v))),
            Map.entry("$float", v -> Float.valueOf(text(v))),
            Map.entry("$date", v -> LocalDate.parse(text(v))),
            Map.entry("$time", v -> LocalTime.parse(text(v))),
            Map.entry("$dateTime", v -> LocalDateTime.parse(text(v))),
            Map.entry("$instant", v -> Instant.parse(text(v))),
            Map.entry("$offsetDateTime", v -> OffsetDateTime.parse(text(v))),
            Map.entry("$zonedDateTime", v -> ZonedDateTime.parse(text(v))));

    private JsonData() {}

    /** The JSON of a data map. @throws IllegalArgumentException for a value of a type data may not hold */
    public static String write(Map<String, ?> data) {
        return write(generator -> writeValue(generator, data));
    }

    /** Writes a document with the generator; for callers that lay out their own objects. */
    static String write(GeneratorWork work) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            work.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The data map of JSON this class wrote (or plain JSON, read by the rules above). */
    public static Map<String, Object> read(String json) {
        return readObjectDocument(json, true);
    }

    /**
     * A map of plain JSON as a host wrote it: numbers are {@link BigDecimal}, nulls count as missing, and
     * no object is read as a typed value.
     */
    public static Map<String, Object> readPlain(String json) {
        return readObjectDocument(json, false);
    }

    @FunctionalInterface
    interface GeneratorWork {
        void write(JsonGenerator generator) throws IOException;
    }

    static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Number number) {
            writeNumber(out, number);
        } else {
            writeTime(out, value);
        }
    }

    private static void writeObject(JsonGenerator out, Map<?, ?> map) throws IOException {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("data map keys must be strings, not " + entry.getKey());
            }
            out.writeFieldName(key.startsWith(ESCAPE) ? ESCAPE + key : key);
            writeValue(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private static void writeNumber(JsonGenerator out, Number number) throws IOException {
        if (number instanceof BigDecimal decimal) {
            if (decimal.scale() >= 0) {
                out.writeNumber(decimal.toPlainString());
            } else {
                tagged(out, "$decimal", decimal.toString());
            }
        } else if (number instanceof Integer i) {
            tagged(out, "$int", i);
        } else if (number instanceof Long l) {
            tagged(out, "$long", l);
        } else if (number instanceof Double d) {
            tagged(out, "$double", d.toString());
        } else if (number instanceof Float f) {
            tagged(out, "$float", f.toString());
        } else if (number instanceof BigInteger big) {
            tagged(out, "$bigInteger", big.toString());
        } else if (number instanceof Short s) {
            tagged(out, "$short", s.longValue());
        } else if (number instanceof Byte b) {
            tagged(out, "$byte", b.longValue());
        } else {
            throw new IllegalArgumentException("cannot store a number of type " + number.getClass().getName());
        }
    }

    private static void writeTime(JsonGenerator out, Object value) throws IOException {
        String tag;
        if (value instanceof LocalDate) {
            tag = "$date";
        } else if (value instanceof Instant) {
            tag = "$instant";
        } else if (value instanceof LocalDateTime) {
            tag = "$dateTime";
        } else if (value instanceof LocalTime) {
            tag = "$time";
        } else if (value instanceof OffsetDateTime) {
            tag = "$offsetDateTime";
        } else if (value instanceof ZonedDateTime) {
            tag = "$zonedDateTime";
        } else {
            throw new IllegalArgumentException("cannot store a value of type " + value.getClass().getName()
                    + " as data: use strings, numbers, booleans, java.time values, lists and maps");
        }
        tagged(out, tag, value.toString());
    }

    private static void tagged(JsonGenerator out, String tag, String text) throws IOException {
        out.writeStartObject();
        out.writeStringField(tag, text);
        out.writeEndObject();
    }

    private static void tagged(JsonGenerator out, String tag, long number) throws IOException {
        out.writeStartObject();
        out.writeNumberField(tag, number);
        out.writeEndObject();
    }

    private static Map<String, Object> readObjectDocument(String json, boolean typed) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new AutomationException("stored JSON is not an object: " + abbreviated(json));
            }
            Object value = readObject(parser, typed);
            if (!(value instanceof Map<?, ?>)) {
                throw new AutomationException("stored JSON is a typed value, not an object: " + abbreviated(json));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (IOException | RuntimeException e) {
            if (e instanceof AutomationException automation) {
                throw automation;
            }
            throw new AutomationException("cannot read stored JSON " + abbreviated(json) + ": " + e.getMessage(), e);
        }
    }

    static @Nullable Object readValue(JsonParser in, boolean typed) throws IOException {
        JsonToken token = in.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of JSON");
        }
        return switch (token) {
            case START_OBJECT -> readObject(in, typed);
            case START_ARRAY -> readArray(in, typed);
            case VALUE_STRING -> in.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> in.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }

    private static List<Object> readArray(JsonParser in, boolean typed) throws IOException {
        List<Object> list = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            Object element = readValue(in, typed);
            if (element != null) {
                list.add(element);
            }
        }
        return Collections.unmodifiableList(list);
    }

    private static Object readObject(JsonParser in, boolean typed) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            in.nextToken();
            Object value = readValue(in, typed);
            if (value != null) {
                map.put(key, value);
            }
        }
        if (!typed) {
            return Collections.unmodifiableMap(map);
        }
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            Function<Object, Object> reader = READERS.get(only.getKey());
            if (reader != null) {
                try {
                    return reader.apply(only.getValue());
                } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException("bad " + only.getKey() + " value " + only.getValue(), e);
                }
            }
        }
        Map<String, Object> unescaped = new LinkedHashMap<>(map.size() * 2);
        map.forEach((key, value) -> unescaped.put(key.startsWith(ESCAPE + ESCAPE) ? key.substring(1) : key, value));
        return Collections.unmodifiableMap(unescaped);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        throw new IllegalArgumentException("expected a number, got " + value);
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string, got " + value);
    }

    private static String abbreviated(String json) {
        return json.length() <= 120 ? json : json.substring(0, 117) + "...";
    }
}
