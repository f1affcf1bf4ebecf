/**
 * Small building blocks shared by the core's packages. Not API: any class here may change or go away in any
 * release.
 */
@NullMarked
package io.memberautomation.core.internal;

import org.jspecify.annotations.NullMarked;
