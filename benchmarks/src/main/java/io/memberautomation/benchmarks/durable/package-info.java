/**
 * Load runners for the engine on its durable JDBC store (PostgreSQL and H2): executions per second until a queue
 * is drained, waiting executions held in a small heap and their timers firing, and publish-to-completion
 * latency under a burst of triggers. Run {@link io.memberautomation.benchmarks.durable.DurableLoad} from the
 * shaded {@code benchmarks.jar}; {@code BENCHMARKS.md} has the commands and the figures.
 */
@NullMarked
package io.memberautomation.benchmarks.durable;

import org.jspecify.annotations.NullMarked;
