package io.memberautomation.jdbc.faults;

import static io.memberautomation.jdbc.faults.Faults.DOUBLE_COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two engines on one PostgreSQL database whose clocks disagree by a minute, far more than their lease: each
 * timer still fires once, and since leases are measured on the database's clock the node whose clock runs
 * ahead never takes over work the other is still running (each step runs once). With leases on the
 * engines' clocks ({@code LeaseClock.ENGINE}) the last check fails: the fast node takes over live leases
 * and runs their steps a second time (the fencing token only keeps the second result from being recorded).
 */
class ClockSkewTest {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    private static final String ORG = "default";
    private static final int EXECUTIONS = 1_000;
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String WORKFLOW = """
            { "id": "skew", "name": "Delay, then count",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "first", "type": "action", "action": { "type": "count" }, "nextSteps": ["wait"] },
                { "id": "wait", "type": "delay", "delay": { "duration": "PT2S" }, "nextSteps": ["after"] },
                { "id": "after", "type": "action", "action": { "type": "count" } } ] }
            """;

    @Test
    void timers_whenTwoNodesClocksDisagreeByAMinute_fireOnceAndNoLiveLeaseIsTakenOver() throws InterruptedException {
        HikariDataSource pool = database.newDataSource();
        CountingHandler count = new CountingHandler(Duration.ofMillis(5));
        long started = System.nanoTime();
        try (AutomationEngine setup = engine(pool, "setup", Clock.system(), count)) {
            setup.activate(ORG, setup.save(WORKFLOW).automation().id());
        }
        try (AutomationEngine ahead = engine(pool, "ahead", () -> Instant.now().plus(SKEW), count);
             AutomationEngine behind = engine(pool, "behind", Clock.system(), count)) {
            ahead.start();
            behind.start();
            Thread publisher = new Thread(() -> publishEvery(ahead, 1));
            publisher.start();
            publishEvery(behind, 0);
            publisher.join();

            Faults.await("every execution to complete", Duration.ofSeconds(60),
                    () -> Faults.executions(pool, "completed") == EXECUTIONS, () -> Faults.state(pool));
        }
        System.out.printf("ClockSkewTest: %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(Faults.rows(pool, DOUBLE_COMPLETIONS)).isEmpty();
        assertThat(Faults.count(pool, "SELECT COUNT(DISTINCT execution_id) FROM automation_step_logs"
                + " WHERE step_id = 'after' AND status = 'completed'")).isEqualTo(EXECUTIONS);
        assertThat(count.runs).hasSize(2 * EXECUTIONS);
        assertThat(count.runs.entrySet()).as("steps run more than once").filteredOn(run -> run.getValue().get() != 1)
                .isEmpty();
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_timers")).isZero();
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_work_queue")).isZero();
    }

    private static void publishEvery(AutomationEngine engine, int first) {
        for (int i = first; i < EXECUTIONS; i += 2) {
            engine.publish(TriggerEvent.of("evt-" + i, ORG, TriggerType.PAYMENT_SUCCEEDED, "m-" + i, Map.of()));
        }
    }

    private static AutomationEngine engine(HikariDataSource pool, String nodeId, Clock clock, CountingHandler count) {
        return AutomationEngine.builder().clock(clock)
                .persistence(JdbcPersistence.builder(pool).autoCreateSchema(true).build()).members(new Everyone())
                .actionHandler(count).nodeId(nodeId).workerThreads(2).lease(LEASE)
                .pollInterval(Duration.ofMillis(100)).build();
    }
}
