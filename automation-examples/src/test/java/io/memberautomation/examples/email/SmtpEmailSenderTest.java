package io.memberautomation.examples.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryEmailSendLog;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.DeliveryReceipt;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.EmailSendRecord;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpEmailSender} against a real SMTP server (GreenMail), and against one that refuses. */
class SmtpEmailSenderTest {
    private static final String ORG = "club";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final TestClock clock = TestClock.at(START);
    private final InMemoryEmailSendLog sendLog = new InMemoryEmailSendLog();

    @Test
    void sendEmailStep_whenRunByTheEngine_arrivesAsTextAndEscapedHtmlWithItsHeaders() throws Exception {
        InMemoryTemplateStore templates = new InMemoryTemplateStore();
        templates.put(ORG, new Template("welcome", "Welcome, {{member.first_name}}",
                "Hello {{member.first_name}}, welcome to the club.",
                Optional.of("<p>Hello <b>{{member.first_name}}</b>, welcome to the club.</p>")));
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        members.put(new Member("m-1", ORG, Map.of("email", "ada@example.org", "first_name", "Ada <script>&")));
        try (AutomationEngine engine = AutomationEngine.builder().clock(clock).members(members).templates(templates)
                .email(sender().build()).defaultOrganizationId(ORG).build()) {
            engine.activate(ORG, engine.save("""
                    { "id": "welcome", "name": "Welcome", "trigger": { "type": "member_created" },
                      "steps": [ { "id": "mail", "type": "action",
                                   "action": { "type": "send_email", "params": { "templateId": "welcome" } } } ] }
                    """).automation().id());

            engine.publish(TriggerEvent.of("evt-1", ORG, TriggerType.MEMBER_CREATED, "m-1", Map.of()));
            engine.runDue();
        }

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Welcome, Ada <script>&");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(text.getContent().toString()).isEqualTo("Hello Ada <script>&, welcome to the club.");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat(html.getContent().toString())
                .isEqualTo("<p>Hello <b>Ada &lt;script&gt;&amp;</b>, welcome to the club.</p>");
        String key = mail.getHeader("X-Idempotency-Key", null);
        assertThat(key).isNotBlank();
        assertThat(mail.getMessageID()).isEqualTo("<" + sha256(key) + "@club.example>");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://club.example/unsubscribe?m=m-1>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("news@club.example");
        assertThat(sendLog.forMember(ORG, "m-1")).containsExactly(new EmailSendRecord(ORG, "m-1", "welcome",
                "ada@example.org", "sent", START, key, Optional.of(mail.getMessageID())));
    }

    @Test
    void send_whenTheSameKeyIsSentBySeparateSenders_usesTheSameMessageId() throws Exception {
        DeliveryReceipt first = sender().build().send(message("exec-1:mail:b0", Optional.empty()));
        DeliveryReceipt again = sender().sendLog(new InMemoryEmailSendLog()).build()
                .send(message("exec-1:mail:b0", Optional.empty()));
        DeliveryReceipt other = sender().sendLog(new InMemoryEmailSendLog()).build()
                .send(message("exec-2:mail:b0", Optional.empty()));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).extracting(MimeMessage::getMessageID)
                .containsExactly(first.providerMessageId(), first.providerMessageId(), other.providerMessageId());
        assertThat(received[0].getContentType()).startsWith("text/plain");
        assertThat(received[0].getContent().toString()).isEqualTo("Your renewal is due.");
    }

    @Test
    void send_whenTheLogAlreadyHoldsASendOfTheKey_doesNotSendAgainAndRecordsASkip() {
        SmtpEmailSender sender = sender().build();

        DeliveryReceipt first = sender.send(message("exec-1:mail:b0", Optional.of("<p>due</p>")));
        DeliveryReceipt second = sender.send(message("exec-1:mail:b0", Optional.of("<p>due</p>")));

        assertThat(second).isEqualTo(first);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(sendLog.forMember(ORG, "m-1")).extracting(EmailSendRecord::status).containsExactly("sent", "skipped");
    }

    @Test
    void send_whenServerRejectsWith550_failsWithoutRetryAndRecordsTheFailure() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer("550 5.7.1 sender not allowed", true)) {
            SmtpEmailSender sender = sender().port(server.port()).build();

            assertThatThrownBy(() -> sender.send(message("exec-1:mail:b0", Optional.empty())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("rejected the message for good (550)");
                    });
        }
        assertThat(sendLog.forMember(ORG, "m-1")).extracting(EmailSendRecord::status).containsExactly("failed");
    }

    @Test
    void send_whenServerDefersWith451_failsRetryably() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer("451 4.3.0 try again later", true)) {
            SmtpEmailSender sender = sender().port(server.port()).build();

            assertThatThrownBy(() -> sender.send(message("exec-1:mail:b0", Optional.empty())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("deferred the message (451)");
                    });
        }
    }

    @Test
    void send_whenNothingListens_failsRetryably() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmtpEmailSender sender = sender().port(closedPort).build();

        assertThatThrownBy(() -> sender.send(message("exec-1:mail:b0", Optional.empty())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("could not be reached");
                });
        assertThat(sendLog.forMember(ORG, "m-1")).extracting(EmailSendRecord::status).containsExactly("failed");
    }

    @Test
    void send_whenServerNeverGreets_timesOutRetryably() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer("250 ok", false)) {
            SmtpEmailSender sender = sender().port(server.port()).timeout(Duration.ofMillis(300)).build();

            assertThatThrownBy(() -> sender.send(message("exec-1:mail:b0", Optional.empty())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        }
    }

    @Test
    void send_whenAHeaderValueHoldsALineBreak_failsWithoutRetryAndSendsNothing() {
        EmailMessage injected = new EmailMessage(ORG, "m-1", "ada@example.org", "Renewal", "due", Optional.empty(),
                "reminder", Map.of("X-Campaign", "spring\r\nBcc: everyone@example.org"), "exec-1:mail:b0");

        assertThatThrownBy(() -> sender().build().send(injected))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private SmtpEmailSender.Builder sender() {
        return SmtpEmailSender.builder()
                .host("127.0.0.1")
                .port(SMTP.getSmtp().getPort())
                .from("news@club.example")
                .sendLog(sendLog)
                .clock(clock)
                .unsubscribeUrl("https://club.example/unsubscribe?m={{memberId}}")
                .timeout(Duration.ofSeconds(5));
    }

    private static EmailMessage message(String key, Optional<String> html) {
        return new EmailMessage(ORG, "m-1", "ada@example.org", "Renewal", "Your renewal is due.", html, "reminder",
                Map.of(), key);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
