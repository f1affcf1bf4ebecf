/**
 * Saved automations: versions, statuses, the compiled-version cache and the routing index by
 * organization and trigger type. Engine-internal.
 */
@NullMarked
package io.memberautomation.core.registry;

import org.jspecify.annotations.NullMarked;
