package io.memberautomation.spi.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query.
 *
 * @param executions the matching executions, in query order
 * @param nextCursor present when more may follow
 */
public record ExecutionPage(List<ExecutionRecord> executions, Optional<String> nextCursor) {
    public ExecutionPage {
        executions = List.copyOf(executions);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
