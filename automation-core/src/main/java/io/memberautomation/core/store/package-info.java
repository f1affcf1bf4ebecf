/**
 * The in-memory implementations of every storage, member and delivery SPI: the engine's zero-setup
 * default, the store of the {@code simulate} tool, and what tests read effects from. They keep
 * nothing across a restart; use the JDBC store where executions must survive one.
 *
 * <p>Every class here is thread-safe and honours the guarantees its SPI documents, as checked by the
 * contract suites in the {@code automation-core} test-jar.
 */
@NullMarked
package io.memberautomation.core.store;

import org.jspecify.annotations.NullMarked;
