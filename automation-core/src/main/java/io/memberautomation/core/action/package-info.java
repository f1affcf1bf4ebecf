/**
 * The built-in actions and what they share with the step interpreter: placeholder rendering
 * ({@link io.memberautomation.core.action.PlaceholderRenderer}), the channel action handlers
 * ({@link io.memberautomation.core.action.BuiltInActions}), the member changes that member actions make
 * ({@link io.memberautomation.core.action.MemberActions}), the default HTTP transport for webhooks, which
 * reaches public addresses only ({@link io.memberautomation.core.action.DefaultWebhookTransport}, names
 * resolved by a {@link io.memberautomation.core.action.HostResolver}), the signing secrets of webhooks
 * ({@link io.memberautomation.core.action.SecretResolver}), what logs must not show
 * ({@link io.memberautomation.core.action.Redaction}) and the retry schedule
 * ({@link io.memberautomation.core.action.RetryBackoff}). The handlers reach the world only through the SPI.
 * Implementations live in {@code io.memberautomation.core.action.internal}, which is not API.
 */
@NullMarked
package io.memberautomation.core.action;

import org.jspecify.annotations.NullMarked;
