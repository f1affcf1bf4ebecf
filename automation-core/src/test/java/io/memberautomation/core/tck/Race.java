package io.memberautomation.core.tck;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on several threads released at once by a latch, waiting a bounded time for each: a stuck
 * store fails the test instead of hanging the build.
 */
final class Race {
    private static final long WAIT_SECONDS = 10;

    private Race() {}

    /** What one thread came to: a value, or the exception it threw. */
    record Result<T>(@Nullable T value, @Nullable Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    static <T> List<Result<T>> run(int threads, IntFunction<T> task) throws InterruptedException, TimeoutException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!start.await(WAIT_SECONDS, SECONDS)) {
                        throw new TimeoutException("the race never started");
                    }
                    return task.apply(index);
                }));
            }
            assertThat(ready.await(WAIT_SECONDS, SECONDS)).as("every thread is ready").isTrue();
            start.countDown();
            List<Result<T>> results = new ArrayList<>(threads);
            for (Future<T> future : futures) {
                try {
                    results.add(new Result<>(future.get(WAIT_SECONDS, SECONDS), null));
                } catch (ExecutionException e) {
                    results.add(new Result<>(null, e.getCause()));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(WAIT_SECONDS, SECONDS)).as("every thread ended").isTrue();
        }
    }
}
