package io.memberautomation.benchmarks;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Executions per second of a five-step workflow on the in-memory engine: a condition step
 * ({@code member.status eq "active"}), then three custom actions whose handlers return success at once and are
 * not external (in-process, so the engine makes one commit per execution), then the end of the branch. Every
 * execution is enrolled by a published event and run to {@code completed}, with every step logged and the
 * commit revision- and lease-checked, exactly as in production; only the store is the in-memory default.
 *
 * <p>One operation is one execution, from {@code publish} (routing, trigger check, enrollment) to its terminal
 * commit. An invocation publishes a batch of events, one per member, and drains it with
 * {@link AutomationEngine#runDue()}: the drain loop the worker threads run, without their idle wait.
 * {@code oneWorker} runs on one thread; {@code twoWorkers} on two JMH threads sharing one engine, each
 * publishing its half of the members and draining whatever is queued, so the two claim from one queue and
 * contend on its indexes as two workers do. JMH reports the sum of both threads' throughput.
 *
 * <p>The engine runs on its defaults (system clock, random UUID execution ids, in-memory store and directory),
 * with the no-op handler registered. A fresh engine per iteration: the in-memory store keeps every finished
 * execution and its step log, so run with {@code -Xmx2g}. Run:
 * {@code java -Xmx2g -jar benchmarks/target/benchmarks.jar EngineThroughput -f 1 -wi 3 -w 3s -i 5 -r 3s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EngineThroughputBenchmark {
    static final String ORG = BenchWorkflows.ORG;
    static final int MEMBERS = 10_000;
    /** Events per invocation and thread in {@code oneWorker}: one per member. */
    static final int BATCH = MEMBERS;
    /** Events per invocation and thread in {@code twoWorkers}: each thread takes half of the members. */
    static final int HALF_BATCH = MEMBERS / 2;


    AutomationEngine engine;
    final AtomicInteger threadSlots = new AtomicInteger();
    final AtomicLong enrolled = new AtomicLong();
    final AtomicLong passes = new AtomicLong();

    /** One event source per JMH thread: its own member range and event ids. */
    @State(Scope.Thread)
    public static class Source {
        String[] memberIds;
        String prefix;
        long sequence;

        @Setup(Level.Trial)
        public void claimSlot(EngineThroughputBenchmark benchmark) {
            int slot = benchmark.threadSlots.getAndIncrement();
            prefix = "t" + slot + "-";
            memberIds = new String[MEMBERS];
            for (int i = 0; i < MEMBERS; i++) {
                memberIds[i] = "m-" + i;
            }
        }

        /** The members of this thread's half, for {@code twoWorkers}: slot 0 the first, slot 1 the second. */
        int halfStart() {
            return prefix.equals("t0-") ? 0 : HALF_BATCH;
        }
    }

    @Setup(Level.Iteration)
    public void freshEngine() {
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        for (int i = 0; i < MEMBERS; i++) {
            members.put(new Member("m-" + i, ORG, Map.of("status", "active", "email", "m" + i + "@example.org",
                    "tier", i % 2 == 0 ? "gold" : "silver")));
        }
        engine = AutomationEngine.builder()
                .members(members)
                .actionHandler(new BenchWorkflows.NoOpHandler())
                .build();
        engine.save(BenchWorkflows.FIVE_STEPS);
        engine.activate(ORG, BenchWorkflows.FIVE_STEPS_ID);
        enrolled.set(0);
        passes.set(0);
        // the previous iteration's engine is garbage now: collect it outside the measurement, so that no
        // iteration pays for another's executions (as JMH's -gc true would)
        System.gc();
    }

    /** Every enrolled execution ran, once, to completion with its four step log entries. */
    @TearDown(Level.Iteration)
    public void checkAndClose() {
        try {
            if (!engine.isIdle() || enrolled.get() != passes.get()) {
                throw new IllegalStateException("enrolled " + enrolled.get() + " executions but ran " + passes.get()
                        + " passes; idle: " + engine.isIdle());
            }
            List<ExecutionRecord> sample = engine.executions(ExecutionQuery.all(ORG, 100)).executions();
            for (ExecutionRecord execution : sample) {
                List<StepLogEntry> history = engine.history(execution.id());
                if (execution.status() != ExecutionStatus.COMPLETED || history.size() != 4) {
                    throw new IllegalStateException("execution " + execution.id() + " is " + execution.status()
                            + " with " + history.size() + " step log entries");
                }
            }
        } finally {
            engine.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int oneWorker(Source source) {
        publish(source, 0, BATCH);
        return drain();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(HALF_BATCH)
    public int twoWorkers(Source source) {
        publish(source, source.halfStart(), HALF_BATCH);
        return drain();
    }

    private void publish(Source source, int firstMember, int count) {
        int created = 0;
        for (int i = 0; i < count; i++) {
            String eventId = source.prefix + source.sequence++;
            created += engine.publish(TriggerEvent.of(eventId, ORG, TriggerType.PAYMENT_SUCCEEDED,
                    source.memberIds[firstMember + i], Map.of("amount", 25))).created().size();
        }
        enrolled.addAndGet(created);
    }

    private int drain() {
        int ran = engine.runDue();
        passes.addAndGet(ran);
        return ran;
    }
}
