/**
 * Time arithmetic of schedules and delays: which zone applies, when a delay ends, when a cron or
 * date-based schedule fires. Pure functions of their inputs; the clock is always passed in.
 */
@NullMarked
package io.memberautomation.core.schedule;

import org.jspecify.annotations.NullMarked;
