package io.memberautomation.core.model;

/** Lifecycle of an automation definition; only {@link #ACTIVE} enrolls members. */
public enum AutomationStatus { DRAFT, ACTIVE, PAUSED, ARCHIVED }
