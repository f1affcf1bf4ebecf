package io.memberautomation.core.store;

import io.memberautomation.spi.store.ExecutionRecord;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * Every execution by id, with two secondary indexes in creation order: per organization (queries) and
 * per member of an organization (member queries, exit criteria). Slots are never removed, so an index
 * entry always points at a live slot; the creation time and ids a key is made of never change.
 *
 * <p>A member has few executions, so its index is a small sorted array replaced on each insert rather
 * than a skip list per member: less memory per member and one hash update per enrollment.
 */
final class ExecutionTable {
    private final ConcurrentHashMap<String, ExecutionSlot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<TimeKey, ExecutionSlot>> byOrganization =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MemberKey, ExecutionSlot[]> byMember = new ConcurrentHashMap<>();

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
        byOrganization.computeIfAbsent(record.organizationId(), org -> new ConcurrentSkipListMap<>())
                .put(slot.creationKey(), slot);
        record.memberId().ifPresent(member -> byMember.merge(new MemberKey(record.organizationId(), member),
                new ExecutionSlot[] {slot}, (current, added) -> inserted(current, slot)));
        slots.put(record.id(), slot);
    }

    NavigableMap<TimeKey, ExecutionSlot> ofOrganization(String organizationId) {
        NavigableMap<TimeKey, ExecutionSlot> index = byOrganization.get(organizationId);
        return index != null ? index : Collections.emptyNavigableMap();
    }

    /** The member's executions in creation order. */
    List<ExecutionSlot> ofMember(String organizationId, String memberId) {
        ExecutionSlot[] slotsOfMember = byMember.get(new MemberKey(organizationId, memberId));
        return slotsOfMember == null ? List.of() : Arrays.asList(slotsOfMember);
    }

    /** A copy of the sorted array with the slot in its place; the arrays themselves are never changed. */
    private static ExecutionSlot[] inserted(ExecutionSlot[] sorted, ExecutionSlot slot) {
        int position = sorted.length;
        while (position > 0 && sorted[position - 1].creationKey().compareTo(slot.creationKey()) > 0) {
            position--;
        }
        ExecutionSlot[] copy = new ExecutionSlot[sorted.length + 1];
        System.arraycopy(sorted, 0, copy, 0, position);
        copy[position] = slot;
        System.arraycopy(sorted, position, copy, position + 1, sorted.length - position);
        return copy;
    }
}
