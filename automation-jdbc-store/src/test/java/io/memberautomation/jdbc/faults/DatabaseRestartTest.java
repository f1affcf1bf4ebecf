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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL server restarts while two engines run a few thousand executions: the engines reconnect
 * (through HikariCP, which drops the broken connections) and finish every execution, none lost or run to
 * completion twice, and the outage uses up no action's retries.
 *
 * <p>The restart is {@code AUTOMATION_TEST_PG_RESTART_COMMAND}, run with {@code sh -c} (for the local
 * cluster of {@code .ci/run}: {@code pg_ctlcluster <version> <cluster> restart}). Without it the test is
 * skipped, saying so, except under {@code CI=true}, where it fails.
 */
class DatabaseRestartTest {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    private static final String RESTART = "AUTOMATION_TEST_PG_RESTART_COMMAND";
    private static final String ORG = "default";
    private static final int EXECUTIONS = 2_000;
    private static final String WORKFLOW = """
            { "id": "outage", "name": "Count, delay, count",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "first", "type": "action", "nextSteps": ["wait"],
                  "action": { "type": "count", "onError": "retry", "retryCount": 3 } },
                { "id": "wait", "type": "delay", "delay": { "duration": "PT1S" }, "nextSteps": ["after"] },
                { "id": "after", "type": "action",
                  "action": { "type": "count", "onError": "retry", "retryCount": 3 } } ] }
            """;

    @BeforeAll
    static void restartCommandIsGiven() {
        if (restartCommand().isBlank()) {
            String message = "database restart test skipped: " + RESTART + " is not set (for a local cluster: "
                    + "pg_ctlcluster <version> <cluster> restart)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(RESTART + " is required when CI=true: " + message);
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
    }

    @Test
    void executions_whenTheDatabaseRestartsMidRun_allCompleteOnceWithoutUsingUpRetries() throws Exception {
        HikariDataSource pool = database.newDataSource();
        CountingHandler count = new CountingHandler(Duration.ZERO);
        long started = System.nanoTime();
        try (AutomationEngine setup = engine(pool, "setup", count)) {
            setup.activate(ORG, setup.save(WORKFLOW).automation().id());
        }
        String serverStartBefore = Faults.rows(pool, "SELECT pg_postmaster_start_time()").get(0);
        long completedAtRestart;
        long restartedAt;
        try (AutomationEngine first = engine(pool, "node-1", count);
             AutomationEngine second = engine(pool, "node-2", count)) {
            first.start();
            second.start();
            Thread publisher = new Thread(() -> publishEvery(first, 1));
            publisher.start();
            publishEvery(second, 0);
            publisher.join();
            Faults.await("a quarter of the executions to complete", Duration.ofSeconds(60),
                    () -> Faults.executions(pool, "completed") >= EXECUTIONS / 4, () -> Faults.state(pool));

            completedAtRestart = Faults.executions(pool, "completed");
            restartedAt = System.nanoTime();
            restartTheDatabase();

            Faults.await("every execution to complete after the restart", Duration.ofSeconds(120),
                    tolerant(() -> Faults.executions(pool, "completed") == EXECUTIONS), () -> Faults.state(pool));
        }
        long doubled = count.runs.values().stream().filter(runs -> runs.get() > 1).count();
        System.out.printf("DatabaseRestartTest: %d ms in all, %d ms after the restart began; completed at the"
                        + " restart: %d; actions run again after a failed commit: %d%n",
                (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - restartedAt) / 1_000_000,
                completedAtRestart, doubled);

        assertThat(Faults.rows(pool, "SELECT pg_postmaster_start_time()").get(0)).as("the server restarted")
                .isNotEqualTo(serverStartBefore);
        assertThat(completedAtRestart).as("work remained at the restart").isLessThan(EXECUTIONS);
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_executions")).isEqualTo(EXECUTIONS);
        assertThat(Faults.executions(pool, "completed")).isEqualTo(EXECUTIONS);
        assertThat(Faults.rows(pool, DOUBLE_COMPLETIONS)).isEmpty();
        assertThat(Faults.rows(pool, "SELECT execution_id, step_id, status, attempt FROM automation_step_logs"
                + " WHERE status IN ('failed', 'retry_scheduled') OR attempt > 1")).as("attempts used up").isEmpty();
        assertThat(count.runs).hasSize(2 * EXECUTIONS);
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_timers")).isZero();
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_work_queue")).isZero();
    }

    private static void restartTheDatabase() throws IOException, InterruptedException {
        Process restart = new ProcessBuilder("sh", "-c", restartCommand()).redirectErrorStream(true).start();
        if (!restart.waitFor(60, TimeUnit.SECONDS)) {
            restart.destroyForcibly();
            throw new AssertionError("the restart command did not end within 60 s: " + restartCommand());
        }
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restart.exitValue()).as("exit status of %s: %s", restartCommand(), output).isZero();
    }

    /** While the server restarts, the test's own queries fail too: a failed look is a "not yet". */
    private static BooleanSupplier tolerant(BooleanSupplier condition) {
        return () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        };
    }

    private static String restartCommand() {
        String command = System.getenv(RESTART);
        return command == null ? "" : command.trim();
    }

    private static void publishEvery(AutomationEngine engine, int first) {
        for (int i = first; i < EXECUTIONS; i += 2) {
            engine.publish(TriggerEvent.of("evt-" + i, ORG, TriggerType.PAYMENT_SUCCEEDED, "m-" + i, Map.of()));
        }
    }

    private static AutomationEngine engine(HikariDataSource pool, String nodeId, CountingHandler count) {
        return AutomationEngine.builder().clock(Clock.system())
                .persistence(JdbcPersistence.builder(pool).autoCreateSchema(true).build()).members(new Everyone())
                .actionHandler(count).nodeId(nodeId).workerThreads(2).lease(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).build();
    }
}
