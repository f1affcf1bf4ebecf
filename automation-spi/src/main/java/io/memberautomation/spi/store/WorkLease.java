package io.memberautomation.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on an execution's queued work. The fencing token changes with every claim, so a node
 * whose lease ran out (and whose work another node claimed) cannot commit.
 *
 * @param executionId  the execution claimed
 * @param owner        the claiming node
 * @param fencingToken unique per claim
 * @param leaseUntil   when the claim lapses unless extended
 */
public record WorkLease(String executionId, String owner, long fencingToken, Instant leaseUntil) {
    public WorkLease {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
