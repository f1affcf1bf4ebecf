/**
 * The command-line entry point of the examples jar ({@link io.memberautomation.examples.Main}) and its
 * subcommands.
 */
@NullMarked
package io.memberautomation.examples;

import org.jspecify.annotations.NullMarked;
