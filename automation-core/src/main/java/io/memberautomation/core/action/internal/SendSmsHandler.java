package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.Escaping;
import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.core.action.TemplateRenderException;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.SmsMessage;
import io.memberautomation.spi.delivery.SmsSender;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.TemplateStore;
import io.memberautomation.spi.member.Channel;
import io.memberautomation.spi.member.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code send_sms}: a rendered {@code body} param, or a stored template's body, to the member's phone. */
final class SendSmsHandler implements ActionHandler {
    private final TemplateStore templates;
    private final SmsSender sender;
    private final PlaceholderRenderer renderer;

    SendSmsHandler(TemplateStore templates, SmsSender sender, PlaceholderRenderer renderer) {
        this.templates = templates;
        this.sender = sender;
        this.renderer = renderer;
    }

    @Override
    public String type() {
        return BuiltInActions.SEND_SMS;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        return params.containsKey("body") || params.containsKey("templateId")
                ? List.of() : List.of(new ParamProblem("body", "send_sms needs a body or a templateId"));
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Optional<Member> found = context.member();
        if (found.isEmpty()) {
            return ActionResult.permanentFailure("send_sms needs a member");
        }
        Member member = found.get();
        Optional<String> to = member.phone();
        if (to.isEmpty()) {
            return ActionResult.skipped("member has no phone number");
        }
        if (member.optedOut(Channel.SMS)) {
            return ActionResult.skipped("member opted out of SMS");
        }
        Optional<String> body = Params.text(context.params(), "body");
        if (body.isEmpty()) {
            Optional<String> templateId = Params.text(context.params(), "templateId");
            if (templateId.isEmpty()) {
                return ActionResult.permanentFailure("send_sms needs a body or a templateId param");
            }
            Optional<Template> template = templates.find(context.organizationId(), templateId.get());
            if (template.isEmpty()) {
                return ActionResult.permanentFailure("unknown SMS template \"" + templateId.get() + "\"");
            }
            try {
                body = Optional.of(renderer.render(template.get().body(), Results.renderData(context, member),
                        Escaping.PLAIN));
            } catch (TemplateRenderException e) {
                return ActionResult.permanentFailure("SMS template \"" + templateId.get() + "\": " + e.getMessage());
            }
        }
        SmsMessage message = new SmsMessage(context.organizationId(), member.id(), to.get(), body.get(),
                context.idempotencyKey());
        try {
            DeliveryReceipt receipt = sender.send(message);
            return ActionResult.success(Map.of("to", message.to(), "body", message.body(),
                    "providerMessageId", receipt.providerMessageId()));
        } catch (DeliveryException e) {
            return Results.fromDelivery(e, Map.of("to", message.to(), "body", message.body()));
        }
    }
}
