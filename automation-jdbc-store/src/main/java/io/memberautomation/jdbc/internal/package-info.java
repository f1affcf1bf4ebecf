/** Implementation of the JDBC store; not an API, may change in any release. */
@NullMarked
package io.memberautomation.jdbc.internal;

import org.jspecify.annotations.NullMarked;
