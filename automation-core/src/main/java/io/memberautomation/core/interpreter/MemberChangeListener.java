package io.memberautomation.core.interpreter;

import io.memberautomation.spi.member.MemberChange;

/** Receives the member changes an execution's actions made, so the engine can derive triggers from them. */
@FunctionalInterface
public interface MemberChangeListener {
    /**
     * @param change      the change
     * @param causalDepth the causal depth of the execution that made it
     * @param cause       {@code executionId:stepId:branchId}, unique per step run, for derived event ids
     */
    void memberChanged(MemberChange change, int causalDepth, String cause);
}
