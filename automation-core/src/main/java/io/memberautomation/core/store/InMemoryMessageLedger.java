package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.member.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Sent messages in memory, per organization, member and channel, ordered by time. */
public final class InMemoryMessageLedger implements MessageLedger {
    private record Key(String organizationId, String memberId, Channel channel) {}

    private final Map<Key, NavigableMap<String, Instant>> byKey = new ConcurrentHashMap<>();

    @Override
    public void record(String organizationId, String memberId, Channel channel, Instant sentAt, String idempotencyKey) {
        byKey.computeIfAbsent(new Key(organizationId, memberId, channel), k -> new ConcurrentSkipListMap<>())
                .putIfAbsent(idempotencyKey, sentAt);
    }

    @Override
    public int count(String organizationId, String memberId, Channel channel, Instant from, Instant to) {
        NavigableMap<String, Instant> sent = byKey.get(new Key(organizationId, memberId, channel));
        if (sent == null) {
            return 0;
        }
        int count = 0;
        for (Instant at : sent.values()) {
            if (!at.isBefore(from) && at.isBefore(to)) {
                count++;
            }
        }
        return count;
    }
}
