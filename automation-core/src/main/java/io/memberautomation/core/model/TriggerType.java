package io.memberautomation.core.model;

/** What starts an automation. Change-driven kinds are derived by the engine from member changes. */
public enum TriggerType {
    MEMBER_CREATED,
    MEMBER_UPDATED,
    MEMBER_STATUS_CHANGED,
    MEMBER_JOINED_SEGMENT,
    MEMBER_LEFT_SEGMENT,
    EVENT_REGISTERED,
    EVENT_ATTENDED,
    PAYMENT_SUCCEEDED,
    PAYMENT_FAILED,
    SUBSCRIPTION_CREATED,
    SUBSCRIPTION_CANCELLED,
    ENGAGEMENT_MILESTONE,
    SCHEDULED,
    MANUAL;

    public boolean isSegmentTrigger() {
        return this == MEMBER_JOINED_SEGMENT || this == MEMBER_LEFT_SEGMENT;
    }
}
