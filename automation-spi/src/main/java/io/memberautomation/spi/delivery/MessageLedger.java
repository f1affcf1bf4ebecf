package io.memberautomation.spi.delivery;

import io.memberautomation.spi.member.Channel;
import java.time.Instant;

/**
 * Which messages went to which member when, for frequency caps ("at most 3 emails a day"). Implementations
 * must be thread-safe, durable where the engine is, idempotent on the idempotency key (a send recorded
 * twice counts once), and scoped by organization.
 */
public interface MessageLedger {

    /**
     * Records a message sent to a member; a key already recorded for the member and channel is ignored, and
     * the time first recorded stays.
     */
    void record(String organizationId, String memberId, Channel channel, Instant sentAt, String idempotencyKey);

    /** Messages of the channel sent to the member in {@code [from, to)}. */
    int count(String organizationId, String memberId, Channel channel, Instant from, Instant to);
}
