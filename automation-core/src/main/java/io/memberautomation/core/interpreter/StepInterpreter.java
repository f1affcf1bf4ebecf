package io.memberautomation.core.interpreter;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.WorkLease;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the due work of claimed executions. Thread-safe: each call works on its own {@link Pass}; two
 * nodes racing on one execution are kept apart by the store's revision and lease checks, and the loser
 * drops its result.
 */
public final class StepInterpreter {
    static final Logger LOG = LoggerFactory.getLogger(StepInterpreter.class);
    /** The MDC key under which every log line of an execution carries its id. */
    public static final String MDC_EXECUTION_ID = "executionId";

    private final InterpreterServices services;

    public StepInterpreter(InterpreterServices services) {
        this.services = services;
    }

    /** Runs one claimed execution until every branch has ended, waits or failed; then releases the claim. */
    public void run(WorkLease lease) {
        Optional<ExecutionRecord> found = services.persistence().executions().find(lease.executionId());
        if (found.isEmpty() || found.get().status().isTerminal()) {
            services.persistence().queue().complete(lease);
            return;
        }
        MDC.put(MDC_EXECUTION_ID, lease.executionId());
        try {
            new Pass(services, found.get(), lease).run();
        } catch (ConcurrentUpdateException e) {
            LOG.debug("execution {} changed under this worker ({}); its result is dropped", lease.executionId(),
                    e.getMessage());
            // let go at once, so whoever changed it (a pause, a cancel, another node) is seen on the next claim
            services.persistence().queue().release(lease, services.clock().now());
        } finally {
            MDC.remove(MDC_EXECUTION_ID);
        }
    }
}
