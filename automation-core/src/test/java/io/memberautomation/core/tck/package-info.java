/**
 * The SPI contract suites (TCK): abstract JUnit 5 classes that check an implementation of the storage
 * and member SPIs against every guarantee their Javadoc states. The in-memory stores run them; so must
 * the JDBC store and any store a host writes. See each contract class for how to run it.
 */
@NullMarked
package io.memberautomation.core.tck;

import org.jspecify.annotations.NullMarked;
