/**
 * Implementations behind {@link io.memberautomation.core.action}. Not API: any class here may change or go
 * away in any release.
 */
@NullMarked
package io.memberautomation.core.action.internal;

import org.jspecify.annotations.NullMarked;
