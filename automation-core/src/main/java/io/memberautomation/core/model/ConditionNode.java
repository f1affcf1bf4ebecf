package io.memberautomation.core.model;

/** A node of a condition tree: a group of nodes or a single comparison. */
public sealed interface ConditionNode permits ConditionGroup, Condition {}
