/**
 * Reading, validating and writing automation definitions in the JSON format of
 * {@code workflow-format.md}. {@link io.memberautomation.core.definition.AutomationDefinitions} is the one
 * entry point: it reports every problem of a document at once, each with a JSON path and a stable
 * {@link io.memberautomation.core.definition.ProblemCode}, and writes models back losslessly.
 */
@NullMarked
package io.memberautomation.core.definition;

import org.jspecify.annotations.NullMarked;
