package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.DelayUntil;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.ZoneChoice;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Reads a delay: {@code duration} or {@code until}, with optional {@code at} and {@code timezone}. */
final class DelayReader {
    private DelayReader() {}

    static final List<String> KEYS = List.of("duration", "until", "at", "timezone");

    static Optional<Delay> read(JsonNode node, JsonPath at, Problems problems, String what) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, what, KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        if (fields.has("duration") == fields.has("until")) {
            problems.error(at, fields.has("duration") ? ProblemCode.INVALID_VALUE : ProblemCode.MISSING_KEY,
                    "a delay has exactly one of \"duration\" and \"until\"");
        }
        Optional<IsoDuration> duration = fields.optionalDuration("duration", false);
        Optional<DelayUntil> until = fields.optional("until", DelayReader::until);
        Optional<LocalTime> time = fields.optional("at", Values::time);
        Optional<ZoneChoice> zone = fields.optional("timezone", Values::zoneChoice);
        return Models.build(problems, at, before, () -> new Delay(duration, until, time, zone));
    }

    private static Optional<DelayUntil> until(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "until", List.of("field", "offset"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Optional<FieldPath> field = opened.get().required("field", Values::memberDatePath);
        Optional<IsoDuration> offset = opened.get().optionalDuration("offset", true);
        return Models.build(problems, at, before, () -> new DelayUntil(field.orElseThrow(), offset));
    }
}
