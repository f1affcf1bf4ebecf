package io.memberautomation.core.interpreter;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pause, resume, cancel and retry of single executions, and the bulk forms an automation's pause, resume
 * and archive need. Each is one guarded commit, retried on a concurrent update, so it is safe at any
 * moment: a worker running a step of the same execution loses its commit and drops its result.
 */
public final class ExecutionControl {
    private static final int ATTEMPTS = 20;
    private static final Set<ExecutionStatus> UNFINISHED = Set.of(ExecutionStatus.PENDING, ExecutionStatus.RUNNING,
            ExecutionStatus.WAITING, ExecutionStatus.PAUSED);

    private final ExecutionStore executions;
    private final Clock clock;

    public ExecutionControl(ExecutionStore executions, Clock clock) {
        this.executions = executions;
        this.clock = clock;
    }

    /** Pauses an unfinished execution; it stays paused until {@link #resume}, whatever its automation does. */
    public ExecutionRecord pause(String executionId) {
        return change(executionId, record -> {
            requireUnfinished(record, "pause");
            if (record.userPaused()) {
                return null;
            }
            return new Change(record.withUserPause(true, ExecutionStatus.PAUSED, clock.now()), List.of(), false, false);
        });
    }

    /** Resumes a paused execution: due branches run at once; a delay that already ran out is not restarted. */
    public ExecutionRecord resume(String executionId) {
        return change(executionId, record -> {
            if (record.status() != ExecutionStatus.PAUSED) {
                throw new AutomationException("execution " + executionId + " is " + record.status() + ", not paused");
            }
            return new Change(record.withUserPause(false, ExecutionStatus.RUNNING, clock.now()), List.of(), false, true);
        });
    }

    /** Cancels an unfinished execution; its timers go, its history stays. */
    public ExecutionRecord cancel(String executionId, String reason) {
        return change(executionId, record -> {
            requireUnfinished(record, "cancel");
            Instant now = clock.now();
            List<StepLogEntry> logs = new ArrayList<>();
            int sequence = record.logCount();
            for (Branch branch : record.branches()) {
                logs.add(new StepLogEntry(record.id(), sequence++, branch.stepId(), branch.id(), branch.attempt(),
                        StepStatus.CANCELLED, now, now, Map.of("reason", reason), Optional.empty()));
            }
            ExecutionRecord next = record.next(ExecutionStatus.CANCELLED, Optional.empty(), List.of(),
                    record.stepOutputs(), record.stepsRun(), sequence, record.error(), now);
            return new Change(next, logs, true, false);
        });
    }

    /** Runs a failed execution again from the step it failed at, with a fresh count of attempts. */
    public ExecutionRecord retry(String executionId) {
        return change(executionId, record -> {
            if (record.status() != ExecutionStatus.FAILED) {
                throw new AutomationException("execution " + executionId + " is " + record.status()
                        + "; only a failed execution can be retried");
            }
            List<StepLogEntry> history = executions.stepLogs(executionId);
            String failedStep = null;
            for (int i = history.size() - 1; i >= 0 && failedStep == null; i--) {
                if (history.get(i).status() == StepStatus.FAILED) {
                    failedStep = history.get(i).stepId();
                }
            }
            if (failedStep == null) {
                throw new AutomationException("execution " + executionId + " has no failed step to retry from");
            }
            ExecutionRecord next = record.next(ExecutionStatus.RUNNING, Optional.empty(),
                    List.of(Branch.ready("r" + record.logCount(), failedStep)), record.stepOutputs(), record.stepsRun(),
                    record.logCount(), Optional.empty(), clock.now());
            return new Change(next, List.of(), false, true);
        });
    }

    /** Every unfinished execution of an automation, page by page. */
    public List<ExecutionRecord> unfinished(String organizationId, String automationId, Set<ExecutionStatus> statuses) {
        List<ExecutionRecord> all = new ArrayList<>();
        ExecutionQuery query = new ExecutionQuery(organizationId, Optional.of(automationId), Optional.empty(),
                statuses.isEmpty() ? UNFINISHED : statuses, Optional.empty(), Optional.empty(), ExecutionQuery.MAX_LIMIT,
                Optional.empty());
        while (true) {
            var page = executions.query(query);
            all.addAll(page.executions());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            query = query.withCursor(page.nextCursor().get());
        }
    }

    private record Change(ExecutionRecord next, List<StepLogEntry> logs, boolean cancelTimers, boolean requeue) {}

    private ExecutionRecord change(String executionId, ChangeRule step) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ExecutionRecord record = executions.find(executionId)
                    .orElseThrow(() -> new AutomationException("no execution \"" + executionId + "\""));
            Change change = step.apply(record);
            if (change == null) {
                return record;
            }
            try {
                executions.commit(new ExecutionCommit(change.next(), change.logs(), List.of(), change.cancelTimers(),
                        Optional.empty(), change.requeue() ? Optional.of(clock.now()) : Optional.empty()));
                return change.next();
            } catch (ConcurrentUpdateException e) {
                // a worker committed meanwhile: read the new state and decide again
            }
        }
        throw new ConcurrentUpdateException("execution " + executionId + " kept changing; gave up after "
                + ATTEMPTS + " attempts");
    }

    private interface ChangeRule {
        /** The change to make, or null when there is nothing to do. */
        @Nullable Change apply(ExecutionRecord record);
    }

    private static void requireUnfinished(ExecutionRecord record, String what) {
        if (record.status().isTerminal()) {
            throw new AutomationException("cannot " + what + " execution " + record.id() + ": it is already "
                    + record.status());
        }
    }
}
