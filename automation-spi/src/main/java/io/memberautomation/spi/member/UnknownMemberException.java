package io.memberautomation.spi.member;

import io.memberautomation.spi.AutomationException;

/** The member does not exist in the organization (deleted, or never there). Not retryable. */
public class UnknownMemberException extends AutomationException {
    public UnknownMemberException(String organizationId, String memberId) {
        super("no member \"" + memberId + "\" in organization \"" + organizationId + "\"");
    }
}
