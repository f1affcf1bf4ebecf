package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.Channels;
import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.spi.action.ActionHandler;
import java.util.List;

/** Creates the channel handlers behind {@code BuiltInActions.channelHandlers}. */
public final class ChannelHandlers {
    private ChannelHandlers() {}

    public static List<ActionHandler> create(Channels channels, PlaceholderRenderer renderer) {
        return List.of(
                new SendEmailHandler(channels.templates(), channels.email(), renderer),
                new SendSmsHandler(channels.templates(), channels.sms(), renderer),
                new WebhookHandler(channels.webhooks(), channels.webhookTimeout(), channels.secrets()),
                new CreateTaskHandler(channels.tasks()),
                new NotifyAdminHandler(channels.admin()));
    }
}
