package io.memberautomation.core.interpreter;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.WorkLease;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the due work of claimed executions. Thread-safe: each call works on its own {@link Pass}es; two
 * nodes racing on one execution are kept apart by the store's revision and lease checks, and the loser
 * drops its result.
 *
 * <p>The passes of one batch of claims are recorded together: each pass runs its steps, then the commits
 * of all of them are made with one {@link io.memberautomation.spi.store.ExecutionStore#commitAll} (one
 * transaction in a store that batches), each still atomic and checked on its own. This changes no
 * guarantee: a step's external side effect is made durable before and after it runs, as ever, so a crash
 * before the batch commit re-runs only in-process steps, with the same idempotency keys.
 */
public final class StepInterpreter {
    static final Logger LOG = LoggerFactory.getLogger(StepInterpreter.class);
    /** The MDC key under which every log line of an execution carries its id. */
    public static final String MDC_EXECUTION_ID = "executionId";

    private final InterpreterServices services;

    private record Prepared(WorkLease lease, Pass pass, ExecutionCommit commit) {}

    public StepInterpreter(InterpreterServices services) {
        this.services = services;
    }

    /**
     * Runs claimed executions and records their passes with one batch of commits.
     *
     * @param keepGoing checked before each pass: once false, the remaining claims are released unrun
     * @param failed    told of a claim whose pass (or batch commit) failed with an unexpected exception;
     *                  the claim is still held, for the caller to release
     */
    public void runAll(List<WorkLease> leases, BooleanSupplier keepGoing,
                       BiConsumer<WorkLease, RuntimeException> failed) {
        Map<String, ExecutionRecord> records = new HashMap<>();
        BatchMembers members;
        try {
            List<String> ids = new ArrayList<>(leases.size());
            leases.forEach(lease -> ids.add(lease.executionId()));
            services.persistence().executions().findAll(ids).forEach(record -> records.put(record.id(), record));
            members = BatchMembers.read(services.members(),
                    records.values().stream().filter(record -> !record.status().isTerminal()).toList());
        } catch (RuntimeException e) {
            leases.forEach(lease -> failed.accept(lease, e));
            return;
        }
        List<Prepared> prepared = new ArrayList<>(leases.size());
        for (WorkLease lease : leases) {
            if (!keepGoing.getAsBoolean()) {
                letGo(lease);
                continue;
            }
            try {
                prepare(lease, Optional.ofNullable(records.get(lease.executionId())), members)
                        .ifPresent(prepared::add);
            } catch (RuntimeException e) {
                failed.accept(lease, e);
            }
        }
        commit(prepared, failed);
    }

    private Optional<Prepared> prepare(WorkLease lease, Optional<ExecutionRecord> found, BatchMembers members) {
        if (found.isEmpty() || found.get().status().isTerminal()) {
            services.persistence().queue().complete(lease);
            return Optional.empty();
        }
        MDC.put(MDC_EXECUTION_ID, lease.executionId());
        Pass pass = new Pass(services, found.get(), lease, members.of(found.get()));
        try {
            Optional<ExecutionCommit> commit = pass.run();
            pass.memberIfApplied().ifPresent(members::changed);
            if (commit.isPresent()) {
                return Optional.of(new Prepared(lease, pass, commit.get()));
            }
            route(pass);
            return Optional.empty();
        } catch (ConcurrentUpdateException e) {
            route(pass);
            dropped(lease, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            route(pass);
            throw e;
        } finally {
            MDC.remove(MDC_EXECUTION_ID);
        }
    }

    private void commit(List<Prepared> prepared, BiConsumer<WorkLease, RuntimeException> failed) {
        if (prepared.isEmpty()) {
            return;
        }
        List<ExecutionCommit> commits = new ArrayList<>(prepared.size());
        prepared.forEach(p -> commits.add(p.commit()));
        List<CommitResult> results;
        try {
            results = services.persistence().executions().commitAll(commits);
        } catch (RuntimeException e) {
            for (Prepared p : prepared) {
                route(p.pass());
                failed.accept(p.lease(), e);
            }
            return;
        }
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            CommitResult result = results.get(i);
            p.pass().committed(result);
            if (!result.applied()) {
                dropped(p.lease(), "its commit was refused");
            }
            route(p.pass());
        }
    }

    /** Lets go of a claim whose result was dropped, so whoever changed the execution is seen on the next claim. */
    private void dropped(WorkLease lease, String why) {
        LOG.debug("execution {} changed under this worker ({}); its result is dropped", lease.executionId(), why);
        letGo(lease);
    }

    /** Releases a claim now; when that fails, the lease lapses on its own. */
    private void letGo(WorkLease lease) {
        try {
            services.persistence().queue().release(lease, services.clock().now());
        } catch (RuntimeException e) {
            LOG.debug("release failed; the lease lapses on its own", e);
        }
    }

    private static void route(Pass pass) {
        try {
            pass.routeChanges();
        } catch (RuntimeException e) {
            LOG.warn("member changes could not be routed: {}", e.toString());
        }
    }
}
