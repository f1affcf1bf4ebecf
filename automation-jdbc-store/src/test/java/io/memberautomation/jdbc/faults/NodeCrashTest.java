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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three engine nodes, each a JVM of its own, on one PostgreSQL database run 10,000 executions of a workflow
 * with a delay and a webhook to a local receiver; one node is killed with {@code kill -9} while it holds
 * work and each of its workers waits for the receiver's answer to a call. Every execution still completes, no step is recorded completed twice, and a webhook delivered again
 * after the crash carries the same idempotency key as the first delivery.
 */
class NodeCrashTest {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    private static final String ORG = "default";
    private static final int EXECUTIONS = 10_000;
    private static final int THREADS = 4;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final String WORKFLOW = """
            { "id": "crash", "name": "Delay, then a webhook",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "wait", "type": "delay", "delay": { "duration": "PT1S" }, "nextSteps": ["notify"] },
                { "id": "notify", "type": "action",
                  "action": { "type": "webhook", "onError": "retry", "retryCount": 5,
                              "retry": { "initialInterval": "PT1S" },
                              "params": { "url": "%s", "body": { "member": "{{member.id}}" } } } } ] }
            """;

    @Test
    void tenThousandExecutions_whenANodeIsKilledMidRun_allCompleteWithEveryStepOnceAndStableWebhookKeys()
            throws Exception {
        HikariDataSource pool = database.newDataSource();
        JdbcPersistence persistence = JdbcPersistence.builder(pool).autoCreateSchema(true).build();
        long started = System.nanoTime();
        try (WebhookReceiver receiver = WebhookReceiver.start(Duration.ofMillis(20));
             AutomationEngine publisher = AutomationEngine.builder().clock(Clock.system()).persistence(persistence)
                     .members(new Everyone()).nodeId("publisher").build()) {
            publisher.activate(ORG, publisher.save(WORKFLOW.formatted(receiver.url())).automation().id());
            List<Process> nodes = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    nodes.add(Faults.startNode(pool, "node-" + i, THREADS, LEASE));
                }
                publish(publisher);
                long published = System.nanoTime();
                Faults.await("the nodes to start", Duration.ofSeconds(30),
                        () -> IntStream.rangeClosed(1, 3).allMatch(i -> Faults.ready("node-" + i)));
                Faults.await("a quarter of the webhooks", Duration.ofSeconds(90),
                        () -> receiver.membersReached() >= EXECUTIONS / 4);

                receiver.hold();
                try {
                    Faults.await("every worker of the three nodes to be in the middle of a call",
                            WebhookReceiver.HOLD_AT_MOST.minusSeconds(5), () -> receiver.held() == 3 * THREADS);
                    nodes.get(0).destroyForcibly().waitFor();
                } finally {
                    receiver.release();
                }
                int reachedAtKill = receiver.membersReached();
                long heldByTheDeadNode = Faults.count(pool,
                        "SELECT COUNT(*) FROM automation_work_queue WHERE lease_owner = 'node-1'");

                Faults.await("every execution to complete", Duration.ofMinutes(3),
                        () -> Faults.executions(pool, "completed") == EXECUTIONS
                                || Faults.executions(pool, "failed") > 0, () -> Faults.state(pool));
                long finished = System.nanoTime();
                System.out.printf("NodeCrashTest: published %d in %d ms, all completed after %d ms; webhooks at the"
                                + " kill: %d, held by the dead node: %d, requests: %d%n", EXECUTIONS,
                        (published - started) / 1_000_000, (finished - started) / 1_000_000, reachedAtKill,
                        heldByTheDeadNode, receiver.requests());

                assertThat(reachedAtKill).as("killed while work remained").isLessThan(EXECUTIONS);
                assertThat(heldByTheDeadNode).as("the dead node held leases").isPositive();
                assertThat(Faults.executions(pool, "completed")).isEqualTo(EXECUTIONS);
                assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_executions")).isEqualTo(EXECUTIONS);
                assertThat(Faults.rows(pool, DOUBLE_COMPLETIONS)).isEmpty();
                assertThat(Faults.count(pool, "SELECT COUNT(*) FROM automation_step_logs WHERE status = 'completed'"
                        + " AND step_id = 'notify'")).isEqualTo(EXECUTIONS);
                Map<String, List<String>> keys = receiver.keysByMember();
                long redelivered = keys.values().stream().filter(received -> received.size() > 1).count();
                System.out.printf("NodeCrashTest: %d executions' webhooks were delivered more than once%n",
                        redelivered);
                assertThat(keys).hasSize(EXECUTIONS);
                assertThat(redelivered).as("the dead node's calls in flight, made again by another node")
                        .isGreaterThanOrEqualTo(THREADS);
                assertThat(keys.values()).allSatisfy(received -> assertThat(received).doesNotContain("null")
                        .containsOnly(received.get(0)));
                assertThat(keys.values().stream().map(received -> received.get(0)).distinct().count())
                        .isEqualTo(EXECUTIONS);
            } finally {
                nodes.forEach(Faults::stop);
            }
        }
    }

    /** Publishes one payment per member from four threads, as busy sources would. */
    private static void publish(AutomationEngine publisher) throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int first = thread;
                done.add(publishers.submit(() -> {
                    for (int i = first; i < EXECUTIONS; i += 4) {
                        publisher.publish(TriggerEvent.of("evt-" + i, ORG, TriggerType.PAYMENT_SUCCEEDED, "m-" + i,
                                Map.of()));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            publishers.shutdownNow();
        }
    }
}
