/**
 * Safe sending: per-organization frequency caps, quiet hours and rate limits, applied before an email or
 * SMS goes out. A message held back is skipped with a reason or deferred with a durable timer, and the
 * step log says which.
 */
@NullMarked
package io.memberautomation.core.policy;

import org.jspecify.annotations.NullMarked;
