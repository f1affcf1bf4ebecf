package io.memberautomation.core.interpreter;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's threads: workers that claim queued executions and run them, and one housekeeping thread
 * that moves due timers to the queue, fires schedules and extends the leases of work in flight. Owned by
 * the engine: started once, stopped within {@link WorkerSettings#shutdownWait()}.
 *
 * <p>Idle workers wait on a semaphore with a timeout (a local enqueue wakes them at once); nothing sleeps.
 */
public final class Workers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final StepInterpreter interpreter;
    private final Persistence persistence;
    private final Clock clock;
    private final WorkerSettings settings;
    private final Runnable housekeeping;
    private final Semaphore wakeups = new Semaphore(0);
    /**
     * Leases being run, by execution id: a String key hashes from its cached hash, where a set of leases would
     * hash every lease record twice per execution.
     */
    private final ConcurrentHashMap<String, WorkLease> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService workerPool;
    private ScheduledExecutorService housekeeper;

    /**
     * @param housekeeping extra periodic work (schedules, registry refresh), run on the housekeeping thread
     */
    public Workers(StepInterpreter interpreter, Persistence persistence, Clock clock, WorkerSettings settings,
                   Runnable housekeeping) {
        this.interpreter = interpreter;
        this.persistence = persistence;
        this.clock = clock;
        this.settings = settings;
        this.housekeeping = housekeeping;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new AutomationException("the engine's workers are already started");
        }
        workerPool = Executors.newFixedThreadPool(settings.threads(), new NamedThreads("automation-worker"));
        for (int i = 0; i < settings.threads(); i++) {
            workerPool.execute(this::workLoop);
        }
        housekeeper = Executors.newSingleThreadScheduledExecutor(new NamedThreads("automation-housekeeper"));
        long period = Math.max(1, settings.pollInterval().toMillis());
        housekeeper.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        long heartbeat = Math.max(1, settings.lease().toMillis() / 3);
        housekeeper.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /** Wakes idle workers: there is new work. */
    public void wake() {
        if (wakeups.availablePermits() < settings.threads()) {
            wakeups.release(settings.threads());
        }
    }

    /**
     * Runs everything due now on the calling thread until nothing is: moves due timers, claims and runs
     * queued executions. For tests and dry runs driven by a test clock; safe beside started workers.
     *
     * @return how many executions were run
     */
    public int drain() {
        int passes = 0;
        while (true) {
            housekeeping.run();
            persistence.timers().moveDueToQueue(clock.now(), Integer.MAX_VALUE);
            List<WorkLease> claimed = persistence.queue().claim(settings.nodeId(), settings.batchSize(), clock.now(),
                    settings.lease());
            if (claimed.isEmpty()) {
                return passes;
            }
            runBatch(claimed, () -> true);
            passes += claimed.size();
        }
    }

    private void workLoop() {
        while (running.get()) {
            try {
                List<WorkLease> claimed = persistence.queue().claim(settings.nodeId(), settings.batchSize(),
                        clock.now(), settings.lease());
                if (claimed.isEmpty()) {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                runBatch(claimed, running::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("worker could not claim work: {}", e.toString());
                awaitQuietly(settings.pollInterval());
            } catch (Error e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    LOG.error("worker thread stops: {}", e.toString());
                    throw e;
                }
                // a thread that died here would leave the engine quietly short of a worker
                LOG.error("worker caught {}; its batch's leases lapse and are claimed again", e.toString(), e);
                awaitQuietly(settings.pollInterval());
            }
        }
    }

    /** Runs a batch of claims, their passes recorded together (see {@link StepInterpreter#runAll}). */
    private void runBatch(List<WorkLease> claimed, BooleanSupplier keepGoing) {
        // a lease of this node replaced by a newer claim of the same execution is no longer extended: it lapsed
        for (WorkLease lease : claimed) {
            inFlight.put(lease.executionId(), lease);
        }
        try {
            interpreter.runAll(claimed, keepGoing, this::retryLater);
        } finally {
            for (WorkLease lease : claimed) {
                inFlight.computeIfPresent(lease.executionId(), (id, held) -> held == lease ? null : held);
            }
        }
    }

    private void retryLater(WorkLease lease, RuntimeException e) {
        LOG.warn("execution {} could not be run now, retrying later: {}", lease.executionId(), e.toString());
        try {
            persistence.queue().release(lease, clock.now().plus(settings.pollInterval()));
        } catch (RuntimeException releaseFailure) {
            LOG.debug("release failed too; the lease lapses on its own", releaseFailure);
        }
    }

    private void tick() {
        try {
            housekeeping.run();
            int moved = persistence.timers().moveDueToQueue(clock.now(), 10_000);
            if (moved > 0 || !persistence.queue().isEmpty()) {
                wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed, will try again: {}", e.toString());
        }
    }

    private void heartbeat() {
        try {
            if (!inFlight.isEmpty()) {
                persistence.queue().extend(new ArrayList<>(inFlight.values()), clock.now(), settings.lease());
            }
        } catch (RuntimeException e) {
            LOG.warn("lease heartbeat failed: {}", e.toString());
        }
    }

    private void awaitQuietly(Duration duration) {
        try {
            wakeups.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeups.release(settings.threads() * 2);
        housekeeper.shutdownNow();
        workerPool.shutdown();
        try {
            if (!workerPool.awaitTermination(settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("workers did not stop within {}; interrupting them", settings.shutdownWait());
                workerPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            workerPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether nothing is queued or in flight (timers may still be pending). */
    public boolean isIdle() {
        return inFlight.isEmpty() && persistence.queue().isEmpty();
    }
}
