package io.memberautomation.core.action;

import io.memberautomation.spi.delivery.AdminNotifier;
import io.memberautomation.spi.delivery.EmailSender;
import io.memberautomation.spi.delivery.SmsSender;
import io.memberautomation.spi.delivery.TaskSink;
import io.memberautomation.spi.delivery.TemplateStore;
import io.memberautomation.spi.delivery.WebhookTransport;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The host's delivery channels the built-in channel actions use.
 *
 * @param templates      message templates for {@code send_email} and {@code send_sms}
 * @param email          sends {@code send_email}
 * @param sms            sends {@code send_sms}
 * @param webhooks       makes {@code webhook} calls
 * @param tasks          receives {@code create_task}
 * @param admin          receives {@code notify_admin}
 * @param webhookTimeout the total time one webhook call may take, positive
 * @param secrets        the signing secrets a webhook's {@code secretRef} names
 */
public record Channels(TemplateStore templates, EmailSender email, SmsSender sms, WebhookTransport webhooks,
                       TaskSink tasks, AdminNotifier admin, Duration webhookTimeout, SecretResolver secrets) {

    public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    public Channels {
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("webhookTimeout must be positive: " + webhookTimeout);
        }
        Objects.requireNonNull(secrets, "secrets");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link Channels}: every channel is required; the webhook timeout defaults to 10 s and the secrets
     * to {@link SecretResolver#none()}.
     */
    public static final class Builder {
        private @Nullable TemplateStore templates;
        private @Nullable EmailSender email;
        private @Nullable SmsSender sms;
        private @Nullable WebhookTransport webhooks;
        private @Nullable TaskSink tasks;
        private @Nullable AdminNotifier admin;
        private Duration webhookTimeout = DEFAULT_WEBHOOK_TIMEOUT;
        private SecretResolver secrets = SecretResolver.none();

        private Builder() {}

        public Builder templates(TemplateStore value) {
            this.templates = value;
            return this;
        }

        public Builder email(EmailSender value) {
            this.email = value;
            return this;
        }

        public Builder sms(SmsSender value) {
            this.sms = value;
            return this;
        }

        public Builder webhooks(WebhookTransport value) {
            this.webhooks = value;
            return this;
        }

        public Builder tasks(TaskSink value) {
            this.tasks = value;
            return this;
        }

        public Builder admin(AdminNotifier value) {
            this.admin = value;
            return this;
        }

        public Builder webhookTimeout(Duration value) {
            this.webhookTimeout = value;
            return this;
        }

        public Builder secrets(SecretResolver value) {
            this.secrets = value;
            return this;
        }

        /** @throws NullPointerException naming the first channel not given */
        public Channels build() {
            return new Channels(required(templates, "templates"), required(email, "email"), required(sms, "sms"),
                    required(webhooks, "webhooks"), required(tasks, "tasks"), required(admin, "admin"),
                    webhookTimeout, secrets);
        }

        private static <T> T required(@Nullable T value, String name) {
            return Objects.requireNonNull(value, () -> "Channels." + name + " is required");
        }
    }
}
