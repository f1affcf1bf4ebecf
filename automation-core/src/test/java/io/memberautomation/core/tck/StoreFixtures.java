package io.memberautomation.core.tck;

import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentGuard;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.NewExecution;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import io.memberautomation.spi.store.TimerKind;
import io.memberautomation.spi.store.WorkLease;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders of SPI values for the contract suites and for tests an integrator adds beside them. */
public final class StoreFixtures {
    private StoreFixtures() {}

    /** A new, pending execution at revision 1 with one ready branch. */
    public static ExecutionRecord execution(String id, String organizationId, String automationId,
                                            Optional<String> memberId, Instant createdAt) {
        return new ExecutionRecord(id, organizationId, automationId, 1, memberId, ExecutionStatus.PENDING,
                Optional.empty(), Map.of("type", "member_joined"), List.of(Branch.ready("b0", "start")), Map.of(), 0,
                0, 0, Optional.empty(), false, createdAt, createdAt, Optional.empty(), 1);
    }

    public static ExecutionRecord execution(String id, String organizationId, String automationId, String memberId,
                                            Instant createdAt) {
        return execution(id, organizationId, automationId, Optional.of(memberId), createdAt);
    }

    /**
     * The record one commit further, in {@code status}, with {@code outputs} as its step outputs and
     * {@code logCount} log entries written.
     */
    public static ExecutionRecord next(ExecutionRecord current, ExecutionStatus status, Map<String, Object> outputs,
                                       int logCount, Instant at) {
        Optional<ExecutionOutcome> outcome = status == ExecutionStatus.COMPLETED
                ? Optional.of(ExecutionOutcome.FINISHED) : Optional.empty();
        List<Branch> branches = status.isTerminal() ? List.of() : current.branches();
        return current.next(status, outcome, branches, outputs, current.stepsRun() + 1, logCount, Optional.empty(), at);
    }

    public static ExecutionRecord next(ExecutionRecord current, ExecutionStatus status, Instant at) {
        return next(current, status, current.stepOutputs(), current.logCount(), at);
    }

    public static StepLogEntry log(String executionId, int sequence, Instant at) {
        return new StepLogEntry(executionId, sequence, "step-" + sequence, "b0", 1, StepStatus.COMPLETED, at, at,
                Map.of("n", sequence), Optional.empty());
    }

    public static NewExecution newExecution(ExecutionRecord execution, EnrollmentGuard guard) {
        return new NewExecution(execution, guard, List.of());
    }

    public static Enrollment enrollment(String organizationId, Optional<String> eventId, Instant receivedAt,
                                        NewExecution... executions) {
        return new Enrollment(organizationId, eventId, receivedAt, Arrays.asList(executions));
    }

    /** An enrollment of one execution with no guard, no event id, received when it was created. */
    public static Enrollment enrollmentOf(ExecutionRecord execution) {
        return enrollment(execution.organizationId(), Optional.empty(), execution.createdAt(),
                newExecution(execution, EnrollmentGuard.NONE));
    }

    public static EnrollmentGuard guard(EnrollmentGuard.Mode mode) {
        return new EnrollmentGuard(mode, Optional.empty());
    }

    public static ExecutionCommit commit(ExecutionRecord next, List<StepLogEntry> logs, List<DueTimer> timers,
                                         Optional<WorkLease> lease, Optional<Instant> requeueAt) {
        return new ExecutionCommit(next, logs, timers, false, lease, requeueAt);
    }

    /** A commit of a new state alone: no logs, timers, lease or requeue. */
    public static ExecutionCommit commit(ExecutionRecord next) {
        return commit(next, List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    public static DueTimer executionTimer(String executionId, String organizationId, String branchId, Instant dueAt) {
        return DueTimer.forExecution(executionId, organizationId, branchId, dueAt);
    }

    public static DueTimer scheduleTimer(String id, String organizationId, String automationId, Instant dueAt) {
        return new DueTimer(id, organizationId, TimerKind.SCHEDULE, automationId, Optional.empty(), dueAt,
                Map.of("occurrence", dueAt.toString()));
    }
}
