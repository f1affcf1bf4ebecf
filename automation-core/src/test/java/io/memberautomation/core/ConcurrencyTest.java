package io.memberautomation.core;

import static io.memberautomation.core.InterpreterTest.handler;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several worker threads at once: the seed's load case, and control operations racing a running step. */
class ConcurrencyTest {

    private static final String TWO_ACTIONS = """
            { "id": "welcome", "name": "Welcome", "enrollment": { "policy": "every_time" },
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "hello", "type": "action", "action": { "type": "send_email", "params": { "templateId": "welcome" } },
                  "nextSteps": ["tag"] },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "welcomed" } } } ] }
            """;

    @Test
    void thousandTriggers_whenPublishedConcurrently_allCompleteExactlyOnce() throws Exception {
        try (EngineFixture f = new EngineFixture(b -> b.workerThreads(2).pollInterval(Duration.ofMillis(5)))) {
            for (int i = 0; i < 1000; i++) {
                f.member("m-" + i, Map.of("email", "m" + i + "@example.org", "first_name", "M" + i));
            }
            f.activate(TWO_ACTIONS);
            f.engine.start();

            ExecutorService publishers = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                sent.add(publishers.submit(() -> f.engine.publish(TriggerEvent.of("evt-" + n, "default",
                        TriggerType.PAYMENT_SUCCEEDED, "m-" + n, Map.of()))));
            }
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
            publishers.shutdown();
            awaitAllTerminal(f, 1000);

            List<ExecutionRecord> all = f.executions();
            assertThat(all).hasSize(1000).allSatisfy(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.COMPLETED));
            assertThat(all).extracting(e -> e.memberId().orElseThrow()).doesNotHaveDuplicates();
            assertThat(f.email.sent()).hasSize(1000);
            assertThat(f.email.distinctKeys()).hasSize(1000);
            for (ExecutionRecord execution : all) {
                assertThat(f.history(execution.id())).extracting(e -> e.stepId() + ":" + e.status())
                        .containsExactly("hello:COMPLETED", "tag:COMPLETED");
            }
        }
    }

    @Test
    void cancel_whenStepIsRunningOnAWorker_dropsTheWorkersResultAndRunsNothingMore() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var blocking = handler("slow_sync", ctx -> {
            entered.countDown();
            await(release);
            return ActionResult.success(Map.of("synced", true));
        });
        try (EngineFixture f = new EngineFixture(b -> b.workerThreads(2).pollInterval(Duration.ofMillis(5)), blocking)) {
            f.member("m-1", Map.of());
            f.activate(slowThenTag());
            f.engine.start();
            f.engine.publish(TriggerEvent.of("evt-1", "default", TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            f.engine.cancelExecution(f.only().id());
            release.countDown();
            f.engine.close();

            var execution = f.only();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.CANCELLED);
            assertThat(f.history(execution.id())).extracting(e -> e.status()).containsExactly(StepStatus.CANCELLED);
            assertThat(f.members.find("default", "m-1").orElseThrow().tags()).isEmpty();
        }
    }

    @Test
    void pause_whenStepIsRunningOnAWorker_reRunsTheStepOnResumeWithTheSameKey() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        List<String> keys = new CopyOnWriteArrayList<>();
        var blocking = handler("slow_sync", ctx -> {
            keys.add(ctx.idempotencyKey());
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                await(release);
            }
            return ActionResult.success(Map.of("synced", true));
        });
        try (EngineFixture f = new EngineFixture(b -> b.workerThreads(2).pollInterval(Duration.ofMillis(5)), blocking)) {
            f.member("m-1", Map.of());
            f.activate(slowThenTag());
            f.engine.start();
            f.engine.publish(TriggerEvent.of("evt-1", "default", TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            f.engine.pauseExecution(f.only().id());
            release.countDown();
            f.engine.close();
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.PAUSED);

            f.engine.resumeExecution(f.only().id());
            f.engine.runDue();

            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(keys).hasSize(2).containsOnly(keys.get(0));
            assertThat(f.stepTrail(f.only().id())).containsExactly("sync:completed", "tag:completed");
        }
    }

    private static String slowThenTag() {
        return """
                { "id": "sync", "name": "Sync", "trigger": { "type": "payment_failed" },
                  "steps": [
                    { "id": "sync", "type": "action", "action": { "type": "slow_sync", "params": {} }, "nextSteps": ["tag"] },
                    { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "synced" } } } ] }
                """;
    }

    /** Helps the workers drain on this thread until every execution is terminal; bounded, never sleeps. */
    private static void awaitAllTerminal(EngineFixture f, int expected) {
        for (int round = 0; round < 100_000; round++) {
            f.engine.runDue();
            List<ExecutionRecord> all = f.executions();
            if (all.size() == expected && all.stream().allMatch(e -> e.status().isTerminal())) {
                return;
            }
        }
        throw new AssertionError("executions did not all finish");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
