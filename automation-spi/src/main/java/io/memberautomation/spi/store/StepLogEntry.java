package io.memberautomation.spi.store;

import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of one step, recorded once. {@code (executionId, sequence)} is unique: a store refuses a
 * second entry with the same pair, which is how a result is never recorded twice.
 *
 * @param executionId the execution
 * @param sequence    0, 1, 2, ... within the execution, in the order the engine recorded them
 * @param stepId      the step
 * @param branchId    the branch it ran on
 * @param attempt     1-based attempt of the step
 * @param status      what the attempt came to
 * @param startedAt   when it started
 * @param endedAt     when it ended
 * @param detail      JSON-ready detail: a condition's result and explanation, an action's output, a skip reason
 * @param error       the failure message, when it failed
 */
public record StepLogEntry(String executionId, int sequence, String stepId, String branchId, int attempt,
                           StepStatus status, Instant startedAt, Instant endedAt, Map<String, Object> detail,
                           Optional<String> error) {
    public StepLogEntry {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        detail = Data.copy(detail);
        Objects.requireNonNull(error, "error");
        if (sequence < 0 || attempt < 1) {
            throw new IllegalArgumentException("bad sequence or attempt in step log of " + executionId);
        }
    }
}
