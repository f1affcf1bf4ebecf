/**
 * JMH benchmarks. Each class says what it measures and how to run it; results go to {@code BENCHMARKS.md} with the
 * command that produced them.
 */
@NullMarked
package io.memberautomation.benchmarks;

import org.jspecify.annotations.NullMarked;
