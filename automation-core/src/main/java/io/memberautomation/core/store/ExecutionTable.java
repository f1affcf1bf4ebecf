package io.memberautomation.core.store;

import io.memberautomation.spi.store.ExecutionRecord;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * Every execution by id, with two secondary indexes in creation order: per organization (queries) and
 * per member of an organization (member queries, exit criteria). Slots are never removed, so an index
 * entry always points at a live slot; the creation time and ids a key is made of never change.
 */
final class ExecutionTable {
    private final ConcurrentHashMap<String, ExecutionSlot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<TimeKey, ExecutionSlot>> byOrganization =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MemberKey, ConcurrentSkipListMap<TimeKey, ExecutionSlot>> byMember =
            new ConcurrentHashMap<>();

    record MemberKey(String organizationId, String memberId) {}

    @Nullable ExecutionSlot slot(String executionId) {
        return slots.get(executionId);
    }

    boolean contains(String executionId) {
        return slots.containsKey(executionId);
    }

    /** Adds a new execution; the caller guarantees its id is not taken. */
    void insert(ExecutionSlot slot) {
        ExecutionRecord record = slot.record();
        TimeKey key = new TimeKey(record.createdAt(), record.id());
        byOrganization.computeIfAbsent(record.organizationId(), org -> new ConcurrentSkipListMap<>()).put(key, slot);
        record.memberId().ifPresent(member -> byMember
                .computeIfAbsent(new MemberKey(record.organizationId(), member), k -> new ConcurrentSkipListMap<>())
                .put(key, slot));
        slots.put(record.id(), slot);
    }

    NavigableMap<TimeKey, ExecutionSlot> ofOrganization(String organizationId) {
        NavigableMap<TimeKey, ExecutionSlot> index = byOrganization.get(organizationId);
        return index != null ? index : Collections.emptyNavigableMap();
    }

    NavigableMap<TimeKey, ExecutionSlot> ofMember(String organizationId, String memberId) {
        NavigableMap<TimeKey, ExecutionSlot> index = byMember.get(new MemberKey(organizationId, memberId));
        return index != null ? index : Collections.emptyNavigableMap();
    }
}
