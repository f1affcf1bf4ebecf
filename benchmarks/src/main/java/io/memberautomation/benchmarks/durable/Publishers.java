package io.memberautomation.benchmarks.durable;

import io.memberautomation.benchmarks.BenchWorkflows;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads that publish events to an engine at once, each its share, each event enrolling one execution. They
 * start together behind a gate; when asked, each execution's publish time (taken just before {@code publish})
 * is kept by execution id, for latencies.
 */
final class Publishers {
    private final AutomationEngine engine;
    private final int threads;
    private final int members;
    private final int batch;

    /** @param batch events per publish call; above 1 they go in {@code publishAll} chunks of that size */
    Publishers(AutomationEngine engine, int threads, int members, int batch) {
        this.engine = engine;
        this.threads = threads;
        this.members = members;
        this.batch = batch;
    }

    /** What a round of publishing did. */
    record Published(long created, Instant started, Instant finished, Map<String, Instant> publishedAt) {}

    /**
     * Publishes {@code count} events of {@code type}, ids {@code prefix-0...}, to members round-robin, and waits
     * for every thread to finish.
     */
    Published publish(String prefix, TriggerType type, int count, boolean keepTimes) throws InterruptedException {
        Map<String, Instant> publishedAt = keepTimes ? new ConcurrentHashMap<>(count * 2) : Map.of();
        AtomicLong created = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = (int) ((long) count * t / threads);
            int end = (int) ((long) count * (t + 1) / threads);
            Thread thread = new Thread(() -> {
                try {
                    gate.await();
                    for (int i = first; i < end; i += batch) {
                        Instant at = Instant.now();
                        List<String> ids = publishChunk(prefix, type, i, Math.min(end, i + batch));
                        created.addAndGet(ids.size());
                        if (keepTimes) {
                            ids.forEach(id -> publishedAt.put(id, at));
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "publisher-" + t);
            thread.start();
            running.add(thread);
        }
        Instant started = Instant.now();
        gate.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        Instant finished = Instant.now();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
        return new Published(created.get(), started, finished, publishedAt);
    }

    /** Publishes events {@code from} (inclusive) to {@code to}; returns the executions they created. */
    private List<String> publishChunk(String prefix, TriggerType type, int from, int to) {
        if (batch == 1) {
            return engine.publish(event(prefix, type, from)).created();
        }
        List<TriggerEvent> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            events.add(event(prefix, type, i));
        }
        List<String> ids = new ArrayList<>();
        engine.publishAll(events).forEach(result -> ids.addAll(result.created()));
        return ids;
    }

    private TriggerEvent event(String prefix, TriggerType type, int i) {
        return TriggerEvent.of(prefix + "-" + i, BenchWorkflows.ORG, type, "m-" + (i % members), Map.of("amount", 25));
    }
}
