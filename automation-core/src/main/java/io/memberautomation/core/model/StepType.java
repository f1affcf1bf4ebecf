package io.memberautomation.core.model;

/** The kind of a step. */
public enum StepType { ACTION, CONDITION, DELAY }
