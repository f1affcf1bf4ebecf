package io.memberautomation.core.interpreter;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine's workers claim work.
 *
 * @param nodeId       this engine node's id, the owner of its leases
 * @param threads      worker threads, at least 1
 * @param batchSize    executions claimed per claim, at least 1
 * @param lease        how long a claim lasts before another node may take the work over
 * @param pollInterval how long an idle worker waits before looking again (a local enqueue wakes it sooner)
 * @param shutdownWait how long {@code close()} waits for running passes to end
 */
public record WorkerSettings(String nodeId, int threads, int batchSize, Duration lease, Duration pollInterval,
                             Duration shutdownWait) {
    public WorkerSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("lease must be at least 1 s and pollInterval positive");
        }
    }
}
