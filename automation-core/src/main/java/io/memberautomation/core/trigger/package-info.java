/**
 * Trigger intake and routing: {@link io.memberautomation.core.trigger.TriggerEvent} is public API; the routing
 * index and the enroller are engine-internal.
 */
@NullMarked
package io.memberautomation.core.trigger;

import org.jspecify.annotations.NullMarked;
