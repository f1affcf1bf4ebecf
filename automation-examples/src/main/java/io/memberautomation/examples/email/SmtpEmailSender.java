package io.memberautomation.examples.email;

import io.memberautomation.spi.Clock;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.EmailSendLog;
import io.memberautomation.spi.delivery.EmailSendRecord;
import io.memberautomation.spi.delivery.EmailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the engine's emails over SMTP with Angus Mail (the Jakarta Mail implementation).
 *
 * <p>Every message is {@code multipart/alternative} (plain text, then HTML) when the template has an HTML
 * body, plain text otherwise, and carries:
 * <ul>
 *   <li>{@code Message-ID: <sha256(idempotency key)@domain>}: the same for every send of one step, so a
 *       resend after a crash is recognisably the same message;</li>
 *   <li>{@code X-Idempotency-Key}: the step's key;</li>
 *   <li>with an unsubscribe URL template, {@code List-Unsubscribe: <url>} and
 *       {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), the template's
 *       {@code {{memberId}}} and {@code {{organizationId}}} replaced by the URL-encoded values;</li>
 *   <li>the message's own headers.</li>
 * </ul>
 *
 * <p>Every attempt is recorded through the {@link EmailSendLog}: {@code sent} with the Message-ID,
 * {@code failed}, or {@code skipped} when the log already holds a {@code sent} record with the same key
 * (the send is then not repeated and the earlier Message-ID is the receipt), which makes a retried step
 * send at most once as long as the log is durable.
 *
 * <p>Failures: a 5xx reply (unknown mailbox, policy rejection, bad credentials) or an unusable address is a
 * non-retryable {@link DeliveryException}; a 4xx reply, a refused connection or a timeout a retryable one.
 * Passwords are never logged. Thread-safe: each send opens its own connection.
 */
public final class SmtpEmailSender implements EmailSender {
    public static final int DEFAULT_PORT = 587;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final Session session;
    private final String host;
    private final int port;
    private final @Nullable String username;
    private final @Nullable String password;
    private final InternetAddress from;
    private final String domain;
    private final EmailSendLog sendLog;
    private final Clock clock;
    private final @Nullable String unsubscribeUrl;

    private SmtpEmailSender(Builder builder, InternetAddress from, String domain, EmailSendLog sendLog) {
        this.host = Objects.requireNonNull(builder.host, "host");
        this.port = builder.port;
        this.username = builder.username;
        this.password = builder.password;
        this.from = from;
        this.domain = domain;
        this.sendLog = sendLog;
        this.clock = builder.clock;
        this.unsubscribeUrl = builder.unsubscribeUrl;
        String millis = Long.toString(builder.timeout.toMillis());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.auth", Boolean.toString(username != null));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(builder.startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(builder.startTls));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.from", from.getAddress());
        // EHLO with the sending domain rather than whatever the local host name resolves to
        properties.put("mail.smtp.localhost", domain);
        this.session = Session.getInstance(properties);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DeliveryReceipt send(EmailMessage message) {
        String messageId = messageId(message.idempotencyKey());
        boolean alreadySent = sendLog.forMember(message.organizationId(), message.memberId()).stream()
                .anyMatch(r -> r.idempotencyKey().equals(message.idempotencyKey()) && r.status().equals("sent"));
        if (alreadySent) {
            record(message, "skipped", Optional.of(messageId));
            LOG.debug("email {} for member {} was already sent; not sent again", message.idempotencyKey(),
                    message.memberId());
            return new DeliveryReceipt(messageId);
        }
        try {
            MimeMessage mime = mime(message, messageId);
            Transport transport = session.getTransport("smtp");
            try {
                transport.connect(host, port, username, password);
                transport.sendMessage(mime, mime.getAllRecipients());
            } finally {
                transport.close();
            }
        } catch (DeliveryException e) {
            record(message, "failed", Optional.empty());
            throw e;
        } catch (MessagingException e) {
            record(message, "failed", Optional.empty());
            throw SmtpFailures.classify(e);
        }
        record(message, "sent", Optional.of(messageId));
        LOG.debug("email {} for member {} sent as {}", message.idempotencyKey(), message.memberId(), messageId);
        return new DeliveryReceipt(messageId);
    }

    /** {@code <hex sha256 of the key@domain>}: stable for a key, and no key text in other people's inboxes. */
    String messageId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private MimeMessage mime(EmailMessage message, String messageId) throws MessagingException {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
        } catch (AddressException e) {
            throw new DeliveryException("the email address of member " + message.memberId() + " is not valid", false,
                    e);
        }
        MimeMessage mime = new FixedIdMessage(session, messageId);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, to);
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.now()));
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), checkedHeaderValue(header.getKey(), header.getValue()));
        }
        mime.setHeader("X-Idempotency-Key", checkedHeaderValue("X-Idempotency-Key", message.idempotencyKey()));
        if (unsubscribeUrl != null) {
            mime.setHeader("List-Unsubscribe", "<" + unsubscribe(unsubscribeUrl, message) + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (message.htmlBody().isPresent()) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody().get(), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        } else {
            mime.setText(message.textBody(), "UTF-8", "plain");
        }
        return mime;
    }

    private static String unsubscribe(String template, EmailMessage message) {
        return template
                .replace("{{memberId}}", URLEncoder.encode(message.memberId(), StandardCharsets.UTF_8))
                .replace("{{organizationId}}", URLEncoder.encode(message.organizationId(), StandardCharsets.UTF_8));
    }

    /** A line break in a header value would let a value write headers of its own. */
    private static String checkedHeaderValue(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new DeliveryException("email header " + name + " holds a line break", false, Optional.empty());
        }
        return value;
    }

    private void record(EmailMessage message, String status, Optional<String> messageId) {
        sendLog.record(new EmailSendRecord(message.organizationId(), message.memberId(), message.templateId(),
                message.to(), status, clock.now(), message.idempotencyKey(), messageId));
    }

    /** Keeps the Message-ID it is given: Jakarta Mail would otherwise make a random one on every save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Options of {@link SmtpEmailSender}: {@code host}, {@code from} and {@code sendLog} are required. */
    public static final class Builder {
        private @Nullable String host;
        private int port = DEFAULT_PORT;
        private @Nullable String username;
        private @Nullable String password;
        private boolean startTls;
        private @Nullable String from;
        private @Nullable String messageIdDomain;
        private @Nullable EmailSendLog sendLog;
        private Clock clock = Clock.system();
        private @Nullable String unsubscribeUrl;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {}

        /** The SMTP server's host name. Required. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The SMTP port (default {@value #DEFAULT_PORT}, submission). */
        public Builder port(int value) {
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("port must be within 1..65535: " + value);
            }
            this.port = value;
            return this;
        }

        /** Log in with these (default: no authentication). */
        public Builder credentials(String user, String secret) {
            this.username = Objects.requireNonNull(user, "username");
            this.password = Objects.requireNonNull(secret, "password");
            return this;
        }

        /** Require STARTTLS: the connection is upgraded to TLS before anything else is sent (default off). */
        public Builder startTls(boolean required) {
            this.startTls = required;
            return this;
        }

        /** The sender address ({@code "Club <news@club.example>"} works too). Required. */
        public Builder from(String address) {
            this.from = Objects.requireNonNull(address, "from");
            return this;
        }

        /** The right-hand side of Message-IDs (default: the sender address's domain). */
        public Builder messageIdDomain(String domain) {
            this.messageIdDomain = Objects.requireNonNull(domain, "messageIdDomain");
            return this;
        }

        /** Where every attempt is recorded. Required. */
        public Builder sendLog(EmailSendLog value) {
            this.sendLog = Objects.requireNonNull(value, "sendLog");
            return this;
        }

        /** The time stamped on records and the Date header (default: the system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The one-click unsubscribe URL, with {@code {{memberId}}} and {@code {{organizationId}}} placeholders
         * ({@code https://club.example/unsubscribe?m={{memberId}}}); without it no List-Unsubscribe is sent.
         */
        public Builder unsubscribeUrl(String template) {
            if (!Objects.requireNonNull(template, "unsubscribeUrl").matches("(?i)https://\\S+")) {
                throw new IllegalArgumentException("unsubscribeUrl must be an https URL: " + template);
            }
            this.unsubscribeUrl = template;
            return this;
        }

        /** How long connecting, and each read and write, may take (default 10 s). */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = value;
            return this;
        }

        /** @throws IllegalArgumentException when {@code from} is not an email address */
        public SmtpEmailSender build() {
            Objects.requireNonNull(host, "SmtpEmailSender needs a host");
            EmailSendLog log = Objects.requireNonNull(sendLog, "SmtpEmailSender needs a sendLog");
            InternetAddress sender;
            try {
                sender = new InternetAddress(Objects.requireNonNull(from, "SmtpEmailSender needs a from address"),
                        true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("from is not an email address: " + from, e);
            }
            String address = sender.getAddress();
            if (address.indexOf('@') < 1) {
                throw new IllegalArgumentException("from needs a domain: " + from);
            }
            String domain = messageIdDomain != null ? messageIdDomain : address.substring(address.indexOf('@') + 1);
            return new SmtpEmailSender(this, sender, domain, log);
        }
    }
}
