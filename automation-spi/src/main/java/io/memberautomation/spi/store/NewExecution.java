package io.memberautomation.spi.store;

import java.util.List;
import java.util.Objects;

/**
 * An execution to create, with the guard that must hold for its member and the log entries of the
 * work done at enrollment (none, usually).
 *
 * @param execution the initial state (revision 1)
 * @param guard     the enrollment policy; ignored for executions without a member
 * @param stepLogs  entries to append with it
 */
public record NewExecution(ExecutionRecord execution, EnrollmentGuard guard, List<StepLogEntry> stepLogs) {
    public NewExecution {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(guard, "guard");
        stepLogs = List.copyOf(stepLogs);
        if (execution.revision() != 1) {
            throw new IllegalArgumentException("a new execution starts at revision 1");
        }
    }
}
