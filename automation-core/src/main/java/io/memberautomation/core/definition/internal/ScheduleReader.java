package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.ZoneChoice;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Reads a schedule: the cron form (key {@code cron}) or the date-based form (key {@code dateField}). */
final class ScheduleReader {
    private ScheduleReader() {}

    static final List<String> CRON_KEYS = List.of("cron", "timezone", "audience", "misfire");
    static final List<String> DATE_KEYS = List.of("dateField", "offset", "at", "timezone");

    static Optional<Schedule> read(JsonNode node, JsonPath at, Problems problems) {
        if (!node.isObject()) {
            Values.wrongType(node, at, problems, "an object (a schedule)");
            return Optional.empty();
        }
        boolean cron = node.has("cron");
        if (cron == node.has("dateField")) {
            problems.error(at, cron ? ProblemCode.INVALID_VALUE : ProblemCode.MISSING_KEY,
                    "a schedule has exactly one of \"cron\" (a cron schedule) and \"dateField\" (a date-based one)");
            return Optional.empty();
        }
        return cron ? cron(node, at, problems) : dateBased(node, at, problems);
    }

    private static Optional<Schedule> cron(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Fields fields = Fields.open(node, at, problems, "a cron schedule", CRON_KEYS).orElseThrow();
        Optional<String> cron = fields.requiredText("cron")
                .filter(expression -> CronCheck.check(expression, fields.at("cron"), problems));
        Optional<ZoneId> zone = fields.optional("timezone", Values::zone);
        Schedule.Audience audience = fields.optionalEnum("audience", Schedule.Audience.class)
                .orElse(Schedule.Audience.MEMBERS);
        Schedule.Misfire misfire = fields.optionalEnum("misfire", Schedule.Misfire.class)
                .orElse(Schedule.Misfire.FIRE_ONCE);
        return Models.build(problems, at, before,
                () -> new Schedule.Cron(cron.orElseThrow(), zone, audience, misfire));
    }

    private static Optional<Schedule> dateBased(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Fields fields = Fields.open(node, at, problems, "a date-based schedule", DATE_KEYS).orElseThrow();
        Optional<FieldPath> dateField = fields.required("dateField", Values::memberDatePath);
        Optional<IsoDuration> offset = fields.optionalDuration("offset", true);
        Optional<LocalTime> time = fields.optional("at", Values::time);
        Optional<ZoneChoice> zone = fields.optional("timezone", Values::zoneChoice);
        return Models.build(problems, at, before,
                () -> new Schedule.DateBased(dateField.orElseThrow(), offset, time, zone));
    }
}
