/**
 * The step interpreter: runs an execution's due branches in a loop (never recursion) until every branch
 * ends, waits or fails, and turns the result into one atomic store commit. Engine-internal; hosts use
 * {@link io.memberautomation.core.AutomationEngine}.
 */
@NullMarked
package io.memberautomation.core.interpreter;

import org.jspecify.annotations.NullMarked;
