package io.memberautomation.spi.action;

import io.memberautomation.spi.Data;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action attempt came to. A handler may also throw: the engine treats any exception as a
 * {@link Failure} that is retryable, and it fails that step only, never a worker thread.
 */
public sealed interface ActionResult {

    /** Done; the output is kept as {@code steps.<id>.output} for later conditions. */
    record Success(Map<String, Object> output) implements ActionResult {
        public Success {
            output = Data.copy(output);
        }
    }

    /** Deliberately not done, for a reason of the member's (opted out, no address): the step completes. */
    record Skipped(String reason) implements ActionResult {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not done. A retryable failure may be attempted again under the step's {@code onError: retry},
     * not before {@code retryNotBefore} when given; a non-retryable one skips the remaining attempts.
     */
    record Failure(String message, boolean retryable, Optional<Instant> retryNotBefore, Map<String, Object> output)
            implements ActionResult {
        public Failure {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryNotBefore, "retryNotBefore");
            output = Data.copy(output);
        }
    }

    static ActionResult success() {
        return new Success(Map.of());
    }

    static ActionResult success(Map<String, Object> output) {
        return new Success(output);
    }

    static ActionResult skipped(String reason) {
        return new Skipped(reason);
    }

    static ActionResult retryableFailure(String message) {
        return new Failure(message, true, Optional.empty(), Map.of());
    }

    static ActionResult permanentFailure(String message) {
        return new Failure(message, false, Optional.empty(), Map.of());
    }
}
