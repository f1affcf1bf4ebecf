package io.memberautomation.benchmarks;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.TimerKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheduled automations at audience scale, on the in-memory engine: one cron fire that enrolls a
 * 100,000-member audience (each execution runs its first step, a delay, and waits), and the activation of
 * a date-based automation that computes and stores a fire time for each of 100,000 members. One shot per
 * iteration, each on a fresh engine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Thread)
public class ScheduleBenchmark {
    static final int MEMBERS = 100_000;
    static final Instant START = Instant.parse("2026-01-04T12:00:00Z");

    private static final String CRON = """
            { "id": "weekly", "name": "Weekly", "enrollment": { "policy": "every_time" },
              "trigger": { "type": "scheduled",
                "conditions": { "conditions": [ { "field": "member.status", "op": "eq", "value": "active" } ] },
                "schedule": { "cron": "0 9 * * MON", "timezone": "Europe/London" } },
              "steps": [ { "id": "wait", "type": "delay", "delay": { "duration": "P1D" } } ] }
            """;

    private static final String DATE_BASED = """
            { "id": "renewal", "name": "Renewal", "status": "active",
              "trigger": { "type": "scheduled",
                "schedule": { "dateField": "member.renewal_date", "offset": "-P7D", "at": "09:00", "timezone": "member" } },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "r" } } } ] }
            """;

    private static final String[] ZONES = {"Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"};

    private TestClock clock;
    private InMemoryPersistence persistence;
    private AutomationEngine engine;

    @Setup(Level.Iteration)
    public void freshEngine() {
        clock = TestClock.at(START);
        persistence = new InMemoryPersistence();
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        LocalDate base = LocalDate.of(2026, 2, 1);
        for (int i = 0; i < MEMBERS; i++) {
            members.put(new Member(String.format("m-%06d", i), "default", Map.of(
                    "status", i % 10 == 0 ? "lapsed" : "active",
                    "renewal_date", base.plusDays(i % 300).toString(),
                    "timezone", ZONES[i % ZONES.length])));
        }
        engine = AutomationEngine.builder().clock(clock).persistence(persistence).members(members).build();
        engine.save(CRON);
        engine.activate("default", "weekly");
        clock.set(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @TearDown(Level.Iteration)
    public void close() {
        engine.close();
    }

    /** One cron fire: 90,000 of 100,000 members match and are enrolled, each running to its delay. */
    @Benchmark
    public long enrollAudienceFromOneCronFire() {
        engine.runDue();
        return persistence.queue().size();
    }

    /** Activating a date-based automation: a fire time per member, stored as a durable timer. */
    @Benchmark
    public Object planDateBasedFiresFor100kMembers() {
        engine.save(DATE_BASED);
        return persistence.timers().find("date/default/renewal/m-099999").map(t -> t.kind() == TimerKind.SCHEDULE);
    }
}
