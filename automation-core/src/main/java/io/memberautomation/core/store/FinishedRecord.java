package io.memberautomation.core.store;

import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A terminal execution's record as the in-memory store keeps it once no commit can change it any more: every
 * field, with the trigger data and step outputs flattened into one array and no {@code Optional} wrappers. The
 * store keeps every finished execution, and a record with its two maps is some twenty objects, each of which the
 * garbage collector copies; this is four. {@link #expand()} gives back a record equal to the one kept.
 */
final class FinishedRecord {
    private final String id;
    private final String organizationId;
    private final String automationId;
    private final int automationVersion;
    private final @Nullable String memberId;
    private final ExecutionStatus status;
    private final @Nullable ExecutionOutcome outcome;
    /** The trigger's entries, then the step outputs', as key, value, key, value, ... */
    private final Object[] data;
    private final int triggerSize;
    private final int stepsRun;
    private final int logCount;
    private final int causalDepth;
    private final @Nullable String error;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant endedAt;
    private final long revision;

    /** @param record a terminal record: no live branches, not user-paused, with an end time */
    FinishedRecord(ExecutionRecord record) {
        if (!record.status().isTerminal()) {
            throw new IllegalArgumentException("execution " + record.id() + " is not finished");
        }
        this.id = record.id();
        this.organizationId = record.organizationId();
        this.automationId = record.automationId();
        this.automationVersion = record.automationVersion();
        this.memberId = record.memberId().orElse(null);
        this.status = record.status();
        this.outcome = record.outcome().orElse(null);
        this.triggerSize = record.trigger().size();
        this.data = new Object[2 * (triggerSize + record.stepOutputs().size())];
        int next = FlatMaps.put(record.trigger(), data, 0);
        FlatMaps.put(record.stepOutputs(), data, next);
        this.stepsRun = record.stepsRun();
        this.logCount = record.logCount();
        this.causalDepth = record.causalDepth();
        this.error = record.error().orElse(null);
        this.createdAt = record.createdAt();
        this.updatedAt = record.updatedAt();
        this.endedAt = record.endedAt().orElseThrow();
        this.revision = record.revision();
    }

    ExecutionStatus status() {
        return status;
    }

    ExecutionRecord expand() {
        Map<String, Object> trigger = FlatMaps.map(data, 0, 2 * triggerSize);
        Map<String, Object> outputs = FlatMaps.map(data, 2 * triggerSize, data.length);
        return new ExecutionRecord(id, organizationId, automationId, automationVersion, Optional.ofNullable(memberId),
                status, Optional.ofNullable(outcome), trigger, List.of(), outputs, stepsRun, logCount, causalDepth,
                Optional.ofNullable(error), false, createdAt, updatedAt, Optional.of(endedAt), revision);
    }
}
