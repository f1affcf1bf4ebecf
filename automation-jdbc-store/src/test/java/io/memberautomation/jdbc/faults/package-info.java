/**
 * Crash and fault tests of the engine on the JDBC store and a real PostgreSQL: a node killed with
 * {@code kill -9}, the database restarted, a poison step, nodes whose clocks disagree.
 */
@NullMarked
package io.memberautomation.jdbc.faults;

import org.jspecify.annotations.NullMarked;
