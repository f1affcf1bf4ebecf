package io.memberautomation.jdbc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A poison step, whose handler always throws, fails its executions after its retries and never stalls the
 * queue: two engines on one PostgreSQL database run it mixed with healthy executions, and every healthy one
 * completes.
 */
class PoisonStepTest {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    private static final String ORG = "default";
    private static final int POISONED = 200;
    private static final int HEALTHY = 1_000;
    private static final String POISON = """
            { "id": "poison", "name": "Always throws",
              "trigger": { "type": "payment_failed" },
              "steps": [
                { "id": "explode", "type": "action",
                  "action": { "type": "explode", "onError": "retry", "retryCount": 2,
                              "retry": { "initialInterval": "PT0.2S", "backoffCoefficient": 1.0 } } } ] }
            """;
    private static final String HEALTHY_FLOW = """
            { "id": "healthy", "name": "Records its member",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "record", "type": "action", "action": { "type": "record" } } ] }
            """;

    /** The poison: throws, whatever it is given. */
    private static final class Explode implements ActionHandler {
        @Override
        public String type() {
            return "explode";
        }

        @Override
        public ActionResult execute(ActionContext context) {
            throw new IllegalStateException("poison for " + context.member().orElseThrow().id());
        }
    }

    /** Healthy: remembers which members it ran for. */
    private static final class Record implements ActionHandler {
        private final Set<String> members = ConcurrentHashMap.newKeySet();

        @Override
        public String type() {
            return "record";
        }

        @Override
        public ActionResult execute(ActionContext context) {
            members.add(context.member().orElseThrow().id());
            return ActionResult.success();
        }
    }

    @Test
    void poisonStep_mixedWithHealthyExecutions_failsItsOwnAfterRetriesAndEveryHealthyOneCompletes()
            throws InterruptedException {
        HikariDataSource pool = database.newDataSource();
        Record record = new Record();
        long started = System.nanoTime();
        long published;
        try (AutomationEngine setup = engine(pool, "setup", record)) {
            setup.activate(ORG, setup.save(POISON).automation().id());
            setup.activate(ORG, setup.save(HEALTHY_FLOW).automation().id());
        }
        // both engines are built after the automations were activated: an engine learns of automations when built
        try (AutomationEngine first = engine(pool, "node-1", record);
             AutomationEngine second = engine(pool, "node-2", record)) {
            second.start();
            first.start();
            Thread publisher = new Thread(() -> publishEvery(first, 1));
            publisher.start();
            publishEvery(second, 0);
            publisher.join();
            published = System.nanoTime();

            Faults.await("every execution to end", Duration.ofSeconds(60),
                    () -> Faults.executions(pool, "completed") + Faults.executions(pool, "failed")
                            == POISONED + HEALTHY, () -> Faults.state(pool));
        }
        System.out.printf("PoisonStepTest: published in %d ms, all ended after %d ms%n",
                (published - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000);

        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_executions WHERE automation_id = 'healthy'"
                + " AND status = 'completed'")).isEqualTo(HEALTHY);
        assertThat(record.members).hasSize(HEALTHY);
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_executions WHERE automation_id = 'poison'"
                + " AND status = 'failed' AND error_message LIKE '%IllegalStateException: poison for m-%'"))
                .isEqualTo(POISONED);
        assertThat(Faults.rows(pool, """
                SELECT status, attempt, COUNT(*) FROM automation_step_logs WHERE step_id = 'explode'
                GROUP BY status, attempt ORDER BY attempt""")).containsExactly(
                "retry_scheduled 1 " + POISONED, "retry_scheduled 2 " + POISONED, "failed 3 " + POISONED);
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_work_queue")).isZero();
        assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_timers")).isZero();
    }

    /** Publishes every other event, from {@code first}: one in five of the first 1,000 a poisoned payment. */
    private static void publishEvery(AutomationEngine engine, int first) {
        for (int i = first; i < POISONED + HEALTHY; i += 2) {
            boolean poisoned = i % 5 == 0 && i / 5 < POISONED;
            engine.publish(TriggerEvent.of("evt-" + i, ORG,
                    poisoned ? TriggerType.PAYMENT_FAILED : TriggerType.PAYMENT_SUCCEEDED, "m-" + i, Map.of()));
        }
    }

    private static AutomationEngine engine(HikariDataSource pool, String nodeId, Record record) {
        return AutomationEngine.builder().clock(Clock.system())
                .persistence(JdbcPersistence.builder(pool).autoCreateSchema(true).build()).members(new Everyone())
                .actionHandler(new Explode()).actionHandler(record).nodeId(nodeId).workerThreads(2)
                .pollInterval(Duration.ofMillis(100)).build();
    }
}
