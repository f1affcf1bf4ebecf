package io.memberautomation.core.trigger;

import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stores the enrollments of concurrent publishers together, the way a database groups the commits of
 * concurrent sessions. A publisher that finds fewer than {@code maxCalls} store calls in flight makes one
 * with every enrollment waiting at that moment ({@link ExecutionStore#enrollAll}, one transaction on a
 * durable store); those arriving while all calls are busy wait for one to end and then go together in the
 * next. Publishers up to {@code maxCalls} pay nothing extra: each call holds only its own enrollment, in
 * parallel as before; beyond that, the store sees a few large transactions instead of many small ones. Each publisher still gets its own result, or the
 * failure of the call that held its enrollment, and returns only once its enrollment was stored or failed.
 *
 * <p>The outcome equals that of the enrollments stored one by one in the order their publishers arrived
 * (the contract of {@code enrollAll}); publishers racing each other have no order beyond that anyway.
 */
final class GroupEnrollment {
    private final ExecutionStore executions;
    private final int maxBatch;
    private final int maxCalls;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int calls;

    private static final class Pending {
        final Enrollment enrollment;
        /** In a store call, made by this publisher or another. */
        boolean taken;
        @Nullable EnrollmentResult result;
        @Nullable RuntimeException failure;
        @Nullable Error error;

        Pending(Enrollment enrollment) {
            this.enrollment = enrollment;
        }

        boolean done() {
            return result != null || failure != null || error != null;
        }
    }

    /**
     * @param maxBatch the most enrollments one store call holds
     * @param maxCalls the most store calls in flight at once
     */
    GroupEnrollment(ExecutionStore executions, int maxBatch, int maxCalls) {
        if (maxBatch < 1 || maxCalls < 1) {
            throw new IllegalArgumentException("maxBatch and maxCalls must be at least 1, were " + maxBatch
                    + " and " + maxCalls);
        }
        this.executions = executions;
        this.maxBatch = maxBatch;
        this.maxCalls = maxCalls;
    }

    EnrollmentResult enroll(Enrollment enrollment) {
        Pending mine = new Pending(enrollment);
        synchronized (this) {
            waiting.add(mine);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Pending> batch;
                synchronized (this) {
                    while (!mine.done() && (mine.taken || calls >= maxCalls)) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // the enrollment may be in a call already: its outcome is still awaited
                            interrupted = true;
                        }
                    }
                    if (mine.done()) {
                        return outcome(mine);
                    }
                    calls++;
                    batch = take();
                }
                try {
                    store(batch);
                } finally {
                    synchronized (this) {
                        calls--;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many enrollments wait for a store call; for tests that line publishers up. */
    synchronized int waiting() {
        return waiting.size();
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
        while (!waiting.isEmpty() && batch.size() < maxBatch) {
            Pending next = waiting.poll();
            next.taken = true;
            batch.add(next);
        }
        return batch;
    }

    /** Runs one store call and hands each enrollment of it its result, or the call's failure. */
    private void store(List<Pending> batch) {
        try {
            List<EnrollmentResult> results = batch.size() == 1
                    ? List.of(executions.enroll(batch.get(0).enrollment))
                    : executions.enrollAll(batch.stream().map(pending -> pending.enrollment).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException("the execution store returned " + results.size()
                        + " results for " + batch.size() + " enrollments");
            }
            synchronized (this) {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result = results.get(i);
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                batch.forEach(pending -> pending.failure = e);
            }
        } catch (Error e) {
            synchronized (this) {
                batch.forEach(pending -> pending.error = e);
            }
            throw e;
        }
    }

    private static EnrollmentResult outcome(Pending pending) {
        if (pending.error != null) {
            throw pending.error;
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        EnrollmentResult result = pending.result;
        if (result == null) {
            throw new IllegalStateException("an enrollment was handed back without an outcome");
        }
        return result;
    }
}
