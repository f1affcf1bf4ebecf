package io.memberautomation.spi.store;

import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable state of one workflow instance: which automation version it runs for which member, where
 * each branch stands, and what earlier steps returned. Stores persist it as a whole and guard it with
 * {@link #revision()}: a commit names the revision it read, and loses if another writer got there first.
 *
 * @param id                the execution id
 * @param organizationId    the tenant
 * @param automationId      the automation
 * @param automationVersion the pinned definition version
 * @param memberId          the member; empty for organization-audience runs
 * @param status            where it stands
 * @param outcome           present iff status is COMPLETED
 * @param trigger           the trigger event's data, as conditions see it under {@code event.*}
 * @param branches          live branches; empty once terminal
 * @param stepOutputs       output per step id, as conditions see it under {@code steps.<id>.output}
 * @param stepsRun          steps run so far, for {@code maxSteps}
 * @param logCount          step log entries written so far; the next entry's sequence
 * @param causalDepth       0 for a host's event; n+1 when raised by an execution at depth n
 * @param error             why it failed, when it did
 * @param userPaused        paused by an execution-level pause: an automation-level resume leaves it paused
 * @param createdAt         enrollment time
 * @param updatedAt         time of the last commit
 * @param endedAt           present iff terminal
 * @param revision          incremented by every commit; 1 when created
 */
public record ExecutionRecord(String id, String organizationId, String automationId, int automationVersion,
                              Optional<String> memberId, ExecutionStatus status, Optional<ExecutionOutcome> outcome,
                              Map<String, Object> trigger, List<Branch> branches, Map<String, Object> stepOutputs,
                              int stepsRun, int logCount, int causalDepth, Optional<String> error,
                              boolean userPaused, Instant createdAt, Instant updatedAt, Optional<Instant> endedAt, long revision) {

    public ExecutionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(automationId, "automationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outcome, "outcome");
        trigger = Data.copy(trigger);
        branches = List.copyOf(branches);
        stepOutputs = Data.copy(stepOutputs);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (outcome.isPresent() != (status == ExecutionStatus.COMPLETED)) {
            throw new IllegalArgumentException("an outcome belongs to completed executions only");
        }
        if (endedAt.isPresent() != status.isTerminal()) {
            throw new IllegalArgumentException("an end time belongs to terminal executions only");
        }
        if (status.isTerminal() && !branches.isEmpty()) {
            throw new IllegalArgumentException("a terminal execution has no live branches");
        }
        if (userPaused && status != ExecutionStatus.PAUSED) {
            throw new IllegalArgumentException("only a paused execution can be user-paused");
        }
        if (automationVersion < 1 || stepsRun < 0 || logCount < 0 || causalDepth < 0 || revision < 1) {
            throw new IllegalArgumentException("negative counter or unsaved version in execution " + id);
        }
    }

    /** A copy paused (or released) by a user, one revision further. */
    public ExecutionRecord withUserPause(boolean paused, ExecutionStatus newStatus, Instant now) {
        return new ExecutionRecord(id, organizationId, automationId, automationVersion, memberId, newStatus, outcome,
                trigger, branches, stepOutputs, stepsRun, logCount, causalDepth, error, paused, createdAt, now,
                endedAt, revision + 1);
    }

    /** A copy with the given status, branches and counters, one revision further, updated at {@code now}. */
    public ExecutionRecord next(ExecutionStatus newStatus, Optional<ExecutionOutcome> newOutcome, List<Branch> newBranches,
                                Map<String, Object> newOutputs, int newStepsRun, int newLogCount,
                                Optional<String> newError, Instant now) {
        return new ExecutionRecord(id, organizationId, automationId, automationVersion, memberId, newStatus, newOutcome,
                trigger, newBranches, newOutputs, newStepsRun, newLogCount, causalDepth, newError,
                userPaused && newStatus == ExecutionStatus.PAUSED, createdAt, now,
                newStatus.isTerminal() ? Optional.of(now) : Optional.empty(), revision + 1);
    }
}
