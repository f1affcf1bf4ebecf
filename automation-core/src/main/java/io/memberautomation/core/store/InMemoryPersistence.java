package io.memberautomation.core.store;

import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.TimerStore;
import io.memberautomation.spi.store.WorkQueue;
import java.time.Instant;
import java.util.Objects;

/**
 * The engine's default persistence: definitions, executions, the work queue and timers in memory,
 * sharing one state so that an enrollment or a commit writes its timers and queue entries atomically.
 *
 * <p>Thread-safe, and built for throughput: reads take no lock, a commit locks only its own execution,
 * an enrollment only the keys it touches, and claims, timer moves and schedule claims walk time-ordered
 * concurrent indexes instead of scanning. Nothing survives the JVM; a host that needs executions to
 * survive a restart uses the JDBC store.
 *
 * <p>It keeps every execution and every processed event id. A long-running host should call
 * {@link #purgeEventIdsBefore(Instant)} now and then; an event published again after its id was purged
 * enrolls again.
 */
public final class InMemoryPersistence implements Persistence {
    private final InMemoryDefinitionStore definitions = new InMemoryDefinitionStore();
    private final EnrollmentLedger ledger = new EnrollmentLedger();
    private final InMemoryWorkQueue queue = new InMemoryWorkQueue();
    private final InMemoryTimerStore timers;
    private final InMemoryExecutionStore executions;

    public InMemoryPersistence() {
        ExecutionTable table = new ExecutionTable();
        this.timers = new InMemoryTimerStore(queue, table::slot);
        this.executions = new InMemoryExecutionStore(table, ledger, queue, timers);
    }

    @Override
    public DefinitionStore definitions() {
        return definitions;
    }

    @Override
    public ExecutionStore executions() {
        return executions;
    }

    @Override
    public WorkQueue queue() {
        return queue;
    }

    @Override
    public TimerStore timers() {
        return timers;
    }

    /**
     * Forgets the ids of events received before {@code cutoff}, so the memory of processed events stays
     * bounded. Choose a cutoff older than any redelivery the host's sources can make.
     *
     * @return how many event ids were forgotten
     */
    public int purgeEventIdsBefore(Instant cutoff) {
        return ledger.purgeEventsBefore(Objects.requireNonNull(cutoff, "cutoff"));
    }
}
