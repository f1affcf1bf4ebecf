package io.memberautomation.core.model;

/** How a condition group combines its members. */
public enum GroupOperator { AND, OR }
