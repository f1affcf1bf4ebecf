package io.memberautomation.core.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * Fire times of a five-field Unix cron expression in a timezone. cron-utils matches the fields; the
 * walk happens in local wall-clock time and only the result is mapped to an instant, with two rules for
 * DST: a local fire time inside a spring-forward gap fires at the first valid instant after it (the
 * transition), and one inside a fall-back overlap fires once (at the earlier offset), because the walk
 * never visits the same local time twice.
 */
public final class CronTimes {
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronTimes(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    /** @throws IllegalArgumentException when cron-utils refuses the expression (validation reports it first) */
    public static CronTimes parse(String expression) {
        return new CronTimes(expression, ExecutionTime.forCron(PARSER.parse(expression)));
    }

    /** The first local fire time strictly after {@code after}, if the expression ever fires again. */
    public Optional<LocalDateTime> nextLocal(LocalDateTime after) {
        return executionTime.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }

    /** The first fire instant strictly after {@code after}, walking local time in {@code zone}. */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        return nextLocal(LocalDateTime.ofInstant(after, zone)).map(local -> toInstant(local, zone));
    }

    /** A local time as an instant: the transition for a time in a gap, the earlier offset in an overlap. */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    @Override
    public String toString() {
        return expression;
    }
}
