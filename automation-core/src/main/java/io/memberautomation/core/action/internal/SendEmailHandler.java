package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.Escaping;
import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.core.action.RenderData;
import io.memberautomation.core.action.TemplateRenderException;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.EmailSender;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.TemplateStore;
import io.memberautomation.spi.member.Channel;
import io.memberautomation.spi.member.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code send_email}: renders a stored template for the member and hands it to the email sender. */
final class SendEmailHandler implements ActionHandler {
    private final TemplateStore templates;
    private final EmailSender sender;
    private final PlaceholderRenderer renderer;

    SendEmailHandler(TemplateStore templates, EmailSender sender, PlaceholderRenderer renderer) {
        this.templates = templates;
        this.sender = sender;
        this.renderer = renderer;
    }

    @Override
    public String type() {
        return BuiltInActions.SEND_EMAIL;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        return Params.text(params, "templateId").isPresent()
                ? List.of() : List.of(new ParamProblem("templateId", "send_email needs a templateId"));
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Optional<Member> found = context.member();
        if (found.isEmpty()) {
            return ActionResult.permanentFailure("send_email needs a member");
        }
        Member member = found.get();
        Optional<String> to = member.email();
        if (to.isEmpty()) {
            return ActionResult.skipped("member has no email address");
        }
        if (member.optedOut(Channel.EMAIL)) {
            return ActionResult.skipped("member opted out of email");
        }
        Optional<String> templateId = Params.text(context.params(), "templateId");
        if (templateId.isEmpty()) {
            return ActionResult.permanentFailure("send_email needs a templateId param");
        }
        Optional<Template> template = templates.find(context.organizationId(), templateId.get());
        if (template.isEmpty()) {
            return ActionResult.permanentFailure("unknown email template \"" + templateId.get() + "\"");
        }
        EmailMessage message;
        try {
            message = render(context, member, to.get(), template.get());
        } catch (TemplateRenderException e) {
            return ActionResult.permanentFailure("email template \"" + templateId.get() + "\": " + e.getMessage());
        }
        Map<String, Object> sent = Map.of("to", message.to(), "subject", message.subject(),
                "templateId", message.templateId());
        try {
            DeliveryReceipt receipt = sender.send(message);
            return ActionResult.success(Map.of("to", message.to(), "subject", message.subject(),
                    "templateId", message.templateId(), "providerMessageId", receipt.providerMessageId()));
        } catch (DeliveryException e) {
            return Results.fromDelivery(e, sent);
        }
    }

    private EmailMessage render(ActionContext context, Member member, String to, Template template) {
        RenderData data = Results.renderData(context, member);
        String subject = Params.text(context.params(), "subject")
                .orElseGet(() -> renderer.render(template.subject(), data, Escaping.PLAIN));
        String text = renderer.render(template.body(), data, Escaping.PLAIN);
        Optional<String> html = template.htmlBody().map(body -> renderer.render(body, data, Escaping.HTML));
        return new EmailMessage(context.organizationId(), member.id(), to, subject, text, html, template.id(),
                Map.of(), context.idempotencyKey());
    }
}
