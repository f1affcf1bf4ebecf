package io.memberautomation.core.definition.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.memberautomation.core.definition.ProblemCode;

import java.util.List;
import java.util.Optional;

/** Checks a five-field Unix cron expression with cron-utils, naming the field at fault. */
final class CronCheck {
    private CronCheck() {}

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    static final List<String> FIELD_NAMES = List.of("minute", "hour", "day-of-month", "month", "day-of-week");

    /** True when the expression is valid; otherwise reports one problem at {@code at}. */
    static boolean check(String cron, JsonPath at, Problems problems) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length == 6 || fields.length == 7) {
            problems.error(at, ProblemCode.CRON_TOO_FREQUENT, "\"" + cron + "\" has a seconds field, and a schedule"
                    + " that can fire more often than once a minute is not supported; write five fields: "
                    + String.join(" ", FIELD_NAMES));
            return false;
        }
        if (fields.length != 5) {
            problems.error(at, ProblemCode.INVALID_CRON, "\"" + cron + "\" has " + fields.length
                    + " fields; a cron expression has five: " + String.join(" ", FIELD_NAMES));
            return false;
        }
        Optional<String> error = parse(cron);
        if (error.isPresent()) {
            problems.error(at, ProblemCode.INVALID_CRON, culprit(fields) + error.get());
            return false;
        }
        return true;
    }

    private static Optional<String> parse(String cron) {
        try {
            PARSER.parse(cron).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** cron-utils does not say which field failed, so each field is tried alone with the others as "*". */
    private static String culprit(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String[] probe = {"*", "*", "*", "*", "*"};
            probe[i] = fields[i];
            if (parse(String.join(" ", probe)).isPresent()) {
                return FIELD_NAMES.get(i) + " field \"" + fields[i] + "\": ";
            }
        }
        return "";
    }
}
