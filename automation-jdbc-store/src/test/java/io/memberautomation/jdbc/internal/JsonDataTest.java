package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.AutomationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDataTest {

    @Test
    void read_ofWrittenData_equalsItTypeForType() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "héllo \"quoted\"");
        data.put("flag", true);
        data.put("int", 7);
        data.put("long", 7L);
        data.put("bigLong", Long.MAX_VALUE);
        data.put("short", (short) 3);
        data.put("byte", (byte) 2);
        data.put("double", 0.5);
        data.put("negativeZero", -0.0);
        data.put("huge", 1.0E300);
        data.put("nan", Double.NaN);
        data.put("float", 1.25f);
        data.put("decimal", new BigDecimal("19.90"));
        data.put("scientific", new BigDecimal("1E+3"));
        data.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        data.put("smallBigInteger", BigInteger.TEN);
        data.put("date", LocalDate.of(2031, 1, 1));
        data.put("time", LocalTime.of(9, 30, 15, 123_456_789));
        data.put("dateTime", LocalDateTime.of(2031, 1, 1, 9, 30));
        data.put("instant", Instant.parse("2030-01-01T09:00:00.123456789Z"));
        data.put("offset", OffsetDateTime.parse("2030-01-01T09:00:00+02:00"));
        data.put("zoned", ZonedDateTime.parse("2030-06-01T09:00:00+02:00[Europe/Paris]"));
        data.put("list", List.of("a", 1, List.of(LocalDate.of(2030, 2, 3))));
        data.put("map", Map.of("nested", Map.of("deep", 2L)));

        Map<String, Object> read = JsonData.read(JsonData.write(data));

        assertThat(read).isEqualTo(data);
        read.forEach((key, value) -> {
            if (!(value instanceof List<?>) && !(value instanceof Map<?, ?>)) {
                assertThat(value).as(key).hasSameClassAs(data.get(key));
            }
        });
        assertThat(read.keySet()).containsExactlyElementsOf(data.keySet());
    }

    @Test
    void read_whenKeysStartWithADollar_keepsThemAndNeverMistakesThemForTypes() {
        Map<String, Object> data = Map.of("$date", "not a date", "$$x", 1, "$", Map.of("$int", "text"));

        Map<String, Object> read = JsonData.read(JsonData.write(data));

        assertThat(read).isEqualTo(data);
    }

    @Test
    void write_ofPlainValues_isPlainJsonWithNumbersAsDecimals() {
        String json = JsonData.write(Map.of("amount", new BigDecimal("19.90")));

        assertThat(json).isEqualTo("{\"amount\":19.90}");
    }

    @Test
    void read_ofPlainJsonAsAHostWritesIt_readsNumbersAsDecimalsAndDropsNulls() {
        Map<String, Object> read =
                JsonData.read("{\"age\": 42, \"score\": 1.5, \"gone\": null, \"tags\": [\"a\", null]}");

        assertThat(read).isEqualTo(Map.of("age", new BigDecimal("42"), "score", new BigDecimal("1.5"),
                "tags", List.of("a")));
    }

    @Test
    void readPlain_readsTypedLookingObjectsAndDollarKeysAsTheyAre() {
        Map<String, Object> read = JsonData.readPlain("{\"when\": {\"$date\": \"2031-01-01\"}, \"$$raw\": true}");

        assertThat(read).isEqualTo(Map.of("when", Map.of("$date", "2031-01-01"), "$$raw", true));
    }

    @Test
    void write_whenAValueHasAnUnsupportedType_refusesIt() {
        assertThatThrownBy(() -> JsonData.write(Map.of("set", Set.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Set");
    }

    @Test
    void read_whenATypedValueIsMalformed_failsClearly() {
        assertThatThrownBy(() -> JsonData.read("{\"d\": {\"$date\": \"yesterday\"}}"))
                .isInstanceOf(AutomationException.class).hasMessageContaining("$date");
    }

    @Test
    void read_whenTheDocumentIsNotAnObject_failsClearly() {
        assertThatThrownBy(() -> JsonData.read("[1, 2]")).isInstanceOf(AutomationException.class)
                .hasMessageContaining("not an object");
    }
}
