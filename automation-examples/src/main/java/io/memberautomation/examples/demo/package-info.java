/**
 * The {@code demo} command: a membership organisation with six automations run through two simulated
 * months on the durable JDBC store, ending with a summary and a Markdown report.
 * {@link io.memberautomation.examples.demo.DemoCommand} is the entry point.
 */
@NullMarked
package io.memberautomation.examples.demo;

import org.jspecify.annotations.NullMarked;
