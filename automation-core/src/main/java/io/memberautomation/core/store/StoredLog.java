package io.memberautomation.core.store;

import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A step log entry as the in-memory store keeps it: the entry's fields, with the detail map flattened into one
 * array of keys and values in their order and the execution id left to the slot. The store keeps every entry of
 * every execution, so this is most of its memory; an entry is read back equal to the one written.
 */
final class StoredLog {
    private static final Object[] NO_DETAIL = {};

    final int sequence;
    private final int attempt;
    private final String stepId;
    private final String branchId;
    private final StepStatus status;
    private final Instant startedAt;
    private final Instant endedAt;
    private final Object[] detail;
    private final @Nullable String error;

    private StoredLog(StepLogEntry entry) {
        this.sequence = entry.sequence();
        this.attempt = entry.attempt();
        this.stepId = entry.stepId();
        this.branchId = entry.branchId();
        this.status = entry.status();
        this.startedAt = entry.startedAt();
        this.endedAt = entry.endedAt();
        this.detail = flatten(entry.detail());
        this.error = entry.error().orElse(null);
    }

    static StoredLog of(StepLogEntry entry) {
        return new StoredLog(entry);
    }

    StepLogEntry toEntry(String executionId) {
        Map<String, Object> map = new LinkedHashMap<>(detail.length);
        for (int i = 0; i < detail.length; i += 2) {
            map.put((String) detail[i], detail[i + 1]);
        }
        return new StepLogEntry(executionId, sequence, stepId, branchId, attempt, status, startedAt, endedAt, map,
                Optional.ofNullable(error));
    }

    private static Object[] flatten(Map<String, Object> detail) {
        if (detail.isEmpty()) {
            return NO_DETAIL;
        }
        Object[] flat = new Object[detail.size() * 2];
        int[] next = {0};
        detail.forEach((key, value) -> {
            flat[next[0]++] = key;
            flat[next[0]++] = value;
        });
        return flat;
    }
}
