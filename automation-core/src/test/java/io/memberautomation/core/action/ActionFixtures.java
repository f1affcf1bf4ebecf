package io.memberautomation.core.action;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.delivery.AdminNotification;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.SmsMessage;
import io.memberautomation.spi.delivery.StaffTask;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.delivery.WebhookTransport;
import io.memberautomation.spi.member.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small fakes for the handler tests: every channel records what it was given. */
final class ActionFixtures {
    static final String ORG = "org-1";
    static final Instant NOW = Instant.parse("2025-01-31T10:15:30Z");

    final Map<String, Template> templates = new HashMap<>();
    final List<EmailMessage> emails = new ArrayList<>();
    final List<SmsMessage> sms = new ArrayList<>();
    final List<WebhookRequest> webhookRequests = new ArrayList<>();
    final List<StaffTask> tasks = new ArrayList<>();
    final List<AdminNotification> notifications = new ArrayList<>();
    RuntimeException emailFailure;
    RuntimeException smsFailure;
    WebhookTransport webhookTransport = request -> {
        throw new AssertionError("no webhook expected");
    };

    List<ActionHandler> handlers() {
        return handlers(request -> {
            webhookRequests.add(request);
            return webhookTransport.send(request);
        });
    }

    List<ActionHandler> handlers(WebhookTransport transport) {
        Channels channels = Channels.builder()
                .templates((org, id) -> ORG.equals(org) ? Optional.ofNullable(templates.get(id)) : Optional.empty())
                .email(message -> {
                    if (emailFailure != null) {
                        throw emailFailure;
                    }
                    emails.add(message);
                    return new DeliveryReceipt("msg-" + emails.size());
                })
                .sms(message -> {
                    if (smsFailure != null) {
                        throw smsFailure;
                    }
                    sms.add(message);
                    return new DeliveryReceipt("sms-" + sms.size());
                })
                .webhooks(transport)
                .tasks(tasks::add)
                .admin(notifications::add)
                .webhookTimeout(Duration.ofSeconds(2))
                .build();
        return BuiltInActions.channelHandlers(channels, new PlaceholderRenderer());
    }

    ActionHandler handler(String type) {
        return handlers().stream().filter(h -> h.type().equals(type)).findFirst().orElseThrow();
    }

    static Member member(Map<String, Object> fields) {
        return new Member("m-1", ORG, fields);
    }

    static ActionContext context(Map<String, Object> params, Optional<Member> member) {
        return context(params, member, 1);
    }

    static ActionContext context(Map<String, Object> params, Optional<Member> member, int attempt) {
        return new ActionContext(ORG, "welcome", "exec-1", "step-1", attempt, "exec-1:step-1", params, member,
                Map.of("type", "member_created"), NOW);
    }

    static WebhookResponse answer(int status, String body, Map<String, String> headers) {
        return new WebhookResponse(status, headers, body.isEmpty() ? Optional.empty() : Optional.of(body));
    }
}
