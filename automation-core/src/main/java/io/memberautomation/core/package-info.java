/**
 * The engine facade: {@link io.memberautomation.core.AutomationEngine} and its builder, and
 * {@link io.memberautomation.core.TestClock} for hosts' tests.
 */
@NullMarked
package io.memberautomation.core;

import org.jspecify.annotations.NullMarked;
