/**
 * Implementation of {@link io.memberautomation.core.definition.AutomationDefinitions}: the JSON tree walk
 * that builds the model while collecting problems, the semantic checks, the built-in action params
 * validators and the writer. Not an API: types here may change in any release.
 */
@NullMarked
package io.memberautomation.core.definition.internal;

import org.jspecify.annotations.NullMarked;
