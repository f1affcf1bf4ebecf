package io.memberautomation.core.action;

import io.memberautomation.core.action.internal.ChannelHandlers;
import io.memberautomation.spi.action.ActionHandler;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in action types and the handlers of those that reach a delivery channel.
 *
 * <p>Every channel handler is {@link ActionHandler#external() external}, expects its params already
 * rendered by the interpreter, passes the step's idempotency key to the channel, and turns a
 * {@link io.memberautomation.spi.delivery.DeliveryException} into a failure that is retryable when the
 * exception says so. What each one does:
 * <ul>
 *   <li>{@code send_email} ({@code templateId}, {@code subject}?, {@code data}?): needs a member; skipped
 *       when the member has no email address or opted out of email; renders the template (subject and text
 *       body plain, HTML body HTML-escaped) against the member (fields and {@code id}), the event,
 *       {@code organization.id} and the {@code data} object, whose keys are placed at the top level
 *       ({@code {{coupon}}}); a {@code subject} param replaces the template's subject. Output:
 *       {@code to, subject, templateId, providerMessageId}.</li>
 *   <li>{@code send_sms} ({@code body} or {@code templateId}, {@code data}?): skipped when the member has no
 *       phone or opted out of SMS; a template's body is rendered as for email. Output:
 *       {@code to, body, providerMessageId}.</li>
 *   <li>{@code webhook} ({@code url}, {@code method}?, {@code headers}?, {@code body}?, {@code secretRef}?):
 *       the {@code body} param is sent as JSON (a string body is sent as it is); without one, POST, PUT and
 *       PATCH send {@code {"event": {...}, "member_id": "..."}} and GET and DELETE send none. A 2xx answer
 *       succeeds with the answer's JSON object fields as output, or {@code body} (the text) when the answer
 *       is not a JSON object, and always {@code status} (the HTTP status, which wins over an answer field of
 *       that name). 5xx and 429 fail retryably, not before their {@code Retry-After}; every other status
 *       fails for good ({@code "webhook answered 404"}); a failure's output has {@code status} and
 *       {@code body}. With a {@code secretRef} the call is signed the Standard Webhooks way with the key the
 *       {@link SecretResolver} gives: {@code webhook-id} (the idempotency key, the same on every retry),
 *       {@code webhook-timestamp} (the attempt's time, Unix seconds) and {@code webhook-signature}
 *       ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}); a name the resolver does not
 *       know fails for good ({@code "unknown secretRef crm"}).</li>
 *   <li>{@code create_task} ({@code title}, {@code description}?, {@code assignee}?, {@code dueIn}?):
 *       {@code dueIn} is added to the attempt's time, calendar parts in the member's zone (else UTC).</li>
 *   <li>{@code notify_admin} ({@code message}, {@code channel}?).</li>
 * </ul>
 * A missing required param is a failure that is not retried.
 */
public final class BuiltInActions {

    public static final String SEND_EMAIL = "send_email";
    public static final String SEND_SMS = "send_sms";
    public static final String WEBHOOK = "webhook";
    public static final String CREATE_TASK = "create_task";
    public static final String NOTIFY_ADMIN = "notify_admin";
    /** Handled by the interpreter as a delay step; it has no handler. */
    public static final String WAIT = "wait";

    /** The types {@link #channelHandlers} serves. */
    public static final Set<String> CHANNEL_TYPES = Set.of(SEND_EMAIL, SEND_SMS, WEBHOOK, CREATE_TASK, NOTIFY_ADMIN);

    private BuiltInActions() {}

    /** Whether the type is built in: a channel action, a member action or {@code wait}. */
    public static boolean isBuiltIn(String type) {
        return CHANNEL_TYPES.contains(type) || MemberActions.isMemberAction(type) || WAIT.equals(type);
    }

    /** One handler for each of {@link #CHANNEL_TYPES}, thread-safe. */
    public static List<ActionHandler> channelHandlers(Channels channels, PlaceholderRenderer renderer) {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(renderer, "renderer");
        return ChannelHandlers.create(channels, renderer);
    }
}
