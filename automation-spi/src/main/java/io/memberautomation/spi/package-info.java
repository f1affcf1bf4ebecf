/**
 * The service-provider interfaces through which the engine reaches everything outside it: storage,
 * queue, timers, members, delivery channels, custom actions and the clock. This module depends on
 * nothing but the JDK, so a host can implement any of it without the engine's dependencies.
 *
 * <p>Every failure an implementation reports is an unchecked {@link io.memberautomation.spi.AutomationException}
 * or a subclass; infrastructure trouble (a lost connection, a lock conflict) is a
 * {@link io.memberautomation.spi.InfrastructureException}, which the engine retries without using up an
 * action's retries.
 */
@NullMarked
package io.memberautomation.spi;

import org.jspecify.annotations.NullMarked;
