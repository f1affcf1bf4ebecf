/**
 * The built-in actions and what they share with the step interpreter: placeholder rendering
 * ({@link io.memberautomation.core.action.PlaceholderRenderer}), the channel action handlers
 * ({@link io.memberautomation.core.action.BuiltInActions}), the member changes that member actions make
 * ({@link io.memberautomation.core.action.MemberActions}), the default HTTP transport for webhooks
 * ({@link io.memberautomation.core.action.DefaultWebhookTransport}) and the retry schedule
 * ({@link io.memberautomation.core.action.RetryBackoff}). The handlers reach the world only through the SPI.
 * Implementations live in {@code io.memberautomation.core.action.internal}, which is not API.
 */
@NullMarked
package io.memberautomation.core.action;

import org.jspecify.annotations.NullMarked;
