/**
 * The engine's public entry points and the test clock hosts use to drive it in their own tests.
 */
@NullMarked
package io.memberautomation.core;

import org.jspecify.annotations.NullMarked;
