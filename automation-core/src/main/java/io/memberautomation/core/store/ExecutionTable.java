package io.memberautomation.core.store;

import io.memberautomation.core.internal.ScopedKey;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.Instant;
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
 * <p>A member's index is an array in creation order with room to grow, rather than a skip list per
 * member: less memory per member and one hash update per enrollment. A new execution (nearly always
 * the member's latest) is written into the free cell after the last and published with a new size, so
 * readers holding the previous size never see a cell change; the array is copied only to grow it or to
 * insert out of order.
 */
final class ExecutionTable {
    private final ConcurrentHashMap<String, ExecutionSlot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<TimeKey, ExecutionSlot>> byOrganization =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ScopedKey, MemberSlots> byMember = new ConcurrentHashMap<>();

    /**
     * The first {@code size} cells of {@code slots}, in creation order; cells past them may be written later.
     * The last cell's creation time is kept here too, so that appending the member's newest execution does not
     * read the previous one (an old object, rarely in cache).
     */
    private record MemberSlots(ExecutionSlot[] slots, int size, long lastSecond, int lastNano) {
        static MemberSlots of(ExecutionSlot slot) {
            Instant at = slot.creationKey().at();
            return new MemberSlots(new ExecutionSlot[] {slot}, 1, at.getEpochSecond(), at.getNano());
        }

        MemberSlots with(ExecutionSlot slot) {
            Instant at = slot.creationKey().at();
            int position = size;
            if (at.getEpochSecond() < lastSecond || at.getEpochSecond() == lastSecond && at.getNano() <= lastNano) {
                while (position > 0 && slots[position - 1].creationKey().compareTo(slot.creationKey()) > 0) {
                    position--;
                }
            }
            long second = position == size ? at.getEpochSecond() : lastSecond;
            int nano = position == size ? at.getNano() : lastNano;
            if (position == size && size < slots.length) {
                slots[size] = slot;
                return new MemberSlots(slots, size + 1, second, nano);
            }
            ExecutionSlot[] copy = new ExecutionSlot[Math.max(4, size * 2)];
            System.arraycopy(slots, 0, copy, 0, position);
            copy[position] = slot;
            System.arraycopy(slots, position, copy, position + 1, size - position);
            return new MemberSlots(copy, size + 1, second, nano);
        }
    }

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
        record.memberId().ifPresent(member -> byMember.compute(new ScopedKey(record.organizationId(), member),
                (key, current) -> current == null ? MemberSlots.of(slot) : current.with(slot)));
        slots.put(record.id(), slot);
    }

    NavigableMap<TimeKey, ExecutionSlot> ofOrganization(String organizationId) {
        NavigableMap<TimeKey, ExecutionSlot> index = byOrganization.get(organizationId);
        return index != null ? index : Collections.emptyNavigableMap();
    }

    /** The member's executions in creation order. */
    List<ExecutionSlot> ofMember(String organizationId, String memberId) {
        MemberSlots ofMember = byMember.get(new ScopedKey(organizationId, memberId));
        return ofMember == null ? List.of() : Arrays.asList(ofMember.slots()).subList(0, ofMember.size());
    }
}
