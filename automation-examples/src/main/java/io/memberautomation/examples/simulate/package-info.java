/**
 * The {@code simulate} tool: runs a scenario (scenario-format.md) through the real engine on the
 * in-memory store with a virtual clock and reports what happened as JSON. {@link
 * io.memberautomation.examples.simulate.Simulator} is the in-process entry point, {@link
 * io.memberautomation.examples.simulate.SimulateCommand} the command line.
 */
@NullMarked
package io.memberautomation.examples.simulate;

import org.jspecify.annotations.NullMarked;
