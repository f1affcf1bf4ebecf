package io.memberautomation.core.model;

/** Whether a member may be enrolled in the same automation again. */
public enum EnrollmentPolicy {
    /** Enroll on every matching trigger. */
    EVERY_TIME,
    /** Enroll a member at most once, ever. */
    ONCE,
    /** Do not enroll while an execution of this automation for the member is unfinished (the default). */
    ONE_AT_A_TIME
}
