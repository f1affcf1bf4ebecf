/**
 * The automation definition model: immutable records for every part of the JSON format
 * (see {@code docs/workflow-format.md}), validated at construction. Reading and writing JSON
 * lives in {@code io.memberautomation.core.definition}; these types know nothing of JSON.
 */
@NullMarked
package io.memberautomation.core.model;

import org.jspecify.annotations.NullMarked;
