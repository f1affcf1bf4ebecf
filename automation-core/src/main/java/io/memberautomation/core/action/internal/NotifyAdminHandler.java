package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.delivery.AdminNotification;
import io.memberautomation.spi.delivery.AdminNotifier;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.member.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code notify_admin}: a message to the organization's administrators. */
final class NotifyAdminHandler implements ActionHandler {
    private final AdminNotifier notifier;

    NotifyAdminHandler(AdminNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String type() {
        return BuiltInActions.NOTIFY_ADMIN;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        return params.containsKey("message")
                ? List.of() : List.of(new ParamProblem("message", "notify_admin needs a message"));
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Optional<String> message = Params.text(context.params(), "message");
        if (message.isEmpty()) {
            return ActionResult.permanentFailure("notify_admin needs a message param");
        }
        AdminNotification notification = new AdminNotification(context.organizationId(),
                context.member().map(Member::id), message.get(), Params.text(context.params(), "channel"),
                context.idempotencyKey());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("message", notification.message());
        notification.channel().ifPresent(channel -> output.put("channel", channel));
        try {
            notifier.notify(notification);
            return ActionResult.success(output);
        } catch (DeliveryException e) {
            return Results.fromDelivery(e, output);
        }
    }
}
