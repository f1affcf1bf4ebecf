package io.memberautomation.spi.delivery;

import java.util.List;

/**
 * The record of email sends, per organization. Implementations must be thread-safe, keep every record as
 * given (a send retried under the same idempotency key is one record per attempt: nothing is deduplicated),
 * return a member's records in the order they were recorded, and scope reads to the organization.
 */
public interface EmailSendLog {
    void record(EmailSendRecord record);

    /** A member's send records, in the order they were recorded (oldest first). */
    List<EmailSendRecord> forMember(String organizationId, String memberId);
}
