package io.memberautomation.spi.delivery;

import java.util.List;

/**
 * The record of email sends, per organization. Implementations must be thread-safe, keep records in the
 * order they were made, and scope reads to the organization.
 */
public interface EmailSendLog {
    void record(EmailSendRecord record);

    /** A member's sends, oldest first. */
    List<EmailSendRecord> forMember(String organizationId, String memberId);
}
