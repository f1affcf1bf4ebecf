package io.memberautomation.core.action;

import static io.memberautomation.core.action.ActionFixtures.NOW;
import static io.memberautomation.core.action.ActionFixtures.context;
import static io.memberautomation.core.action.ActionFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.EmailMessage;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendEmailHandlerTest {
    private final ActionFixtures fixtures = new ActionFixtures();
    private ActionHandler handler;

    private final Member ann = member(Map.of("email", "ann@example.org", "first_name", "Ann <3"));

    @BeforeEach
    void setUp() {
        fixtures.templates.put("welcome", new Template("welcome", "Welcome {{member.first_name}}",
                "Hi {{member.first_name}}, use {{coupon}} ({{event.type}}, {{organization.id}})",
                Optional.of("<p>Hi {{member.first_name}}, use {{coupon}}</p>")));
        handler = fixtures.handler("send_email");
    }

    @Test
    void execute_whenMemberHasEmail_rendersTemplateAndSendsWithIdempotencyKey() {
        ActionResult result = handler.execute(context(
                Map.of("templateId", "welcome", "data", Map.of("coupon", "SPRING")), Optional.of(ann)));

        assertThat(fixtures.emails).hasSize(1);
        EmailMessage sent = fixtures.emails.get(0);
        assertThat(sent.to()).isEqualTo("ann@example.org");
        assertThat(sent.memberId()).isEqualTo("m-1");
        assertThat(sent.subject()).isEqualTo("Welcome Ann <3");
        assertThat(sent.textBody()).isEqualTo("Hi Ann <3, use SPRING (member_created, org-1)");
        assertThat(sent.htmlBody()).contains("<p>Hi Ann &lt;3, use SPRING</p>");
        assertThat(sent.templateId()).isEqualTo("welcome");
        assertThat(sent.idempotencyKey()).isEqualTo("exec-1:step-1");
        assertThat(result).isEqualTo(ActionResult.success(Map.of("to", "ann@example.org",
                "subject", "Welcome Ann <3", "templateId", "welcome", "providerMessageId", "msg-1")));
        assertThat(handler.external()).isTrue();
    }

    @Test
    void execute_whenSubjectParamGiven_overridesTheTemplateSubject() {
        handler.execute(context(Map.of("templateId", "welcome", "subject", "Your renewal"), Optional.of(ann)));

        assertThat(fixtures.emails).singleElement().extracting(EmailMessage::subject).isEqualTo("Your renewal");
    }

    @Test
    void execute_whenTemplateHasNoHtml_sendsTextOnly() {
        fixtures.templates.put("plain", new Template("plain", "S", "B {{member.first_name}}", Optional.empty()));

        handler.execute(context(Map.of("templateId", "plain"), Optional.of(ann)));

        assertThat(fixtures.emails).singleElement().satisfies(m -> {
            assertThat(m.htmlBody()).isEmpty();
            assertThat(m.textBody()).isEqualTo("B Ann <3");
        });
    }

    @Test
    void execute_whenMemberHasNoEmail_skipsWithReason() {
        ActionResult result = handler.execute(context(Map.of("templateId", "welcome"),
                Optional.of(member(Map.of("email", " ")))));

        assertThat(result).isEqualTo(ActionResult.skipped("member has no email address"));
        assertThat(fixtures.emails).isEmpty();
    }

    @Test
    void execute_whenMemberOptedOut_skipsWithReason() {
        Member optedOut = member(Map.of("email", "ann@example.org", "email_opt_out", true));

        ActionResult result = handler.execute(context(Map.of("templateId", "welcome"), Optional.of(optedOut)));

        assertThat(result).isEqualTo(ActionResult.skipped("member opted out of email"));
        assertThat(fixtures.emails).isEmpty();
    }

    @Test
    void execute_whenNoMember_failsPermanently() {
        ActionResult result = handler.execute(context(Map.of("templateId", "welcome"), Optional.empty()));

        assertThat(result).isEqualTo(ActionResult.permanentFailure("send_email needs a member"));
    }

    @Test
    void execute_whenTemplateUnknown_failsPermanentlyNamingIt() {
        ActionResult result = handler.execute(context(Map.of("templateId", "nope"), Optional.of(ann)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("\"nope\"");
        });
    }

    @Test
    void execute_whenTemplateMalformed_failsPermanently() {
        fixtures.templates.put("broken", new Template("broken", "S", "Hi {{member.first_name", Optional.empty()));

        ActionResult result = handler.execute(context(Map.of("templateId", "broken"), Optional.of(ann)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("broken").contains("unclosed tag");
        });
    }

    @Test
    void execute_whenSenderFailsRetryably_returnsRetryableFailureWithNotBefore() {
        fixtures.emailFailure = new DeliveryException("rate limited", true, Optional.of(NOW.plusSeconds(60)));

        ActionResult result = handler.execute(context(Map.of("templateId", "welcome"), Optional.of(ann)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.retryNotBefore()).contains(NOW.plusSeconds(60));
            assertThat(f.message()).isEqualTo("rate limited");
            assertThat(f.output()).containsEntry("to", "ann@example.org");
        });
    }

    @Test
    void execute_whenSenderRefusesAddress_returnsNonRetryableFailure() {
        fixtures.emailFailure = new DeliveryException("mailbox does not exist", false, Optional.empty());

        ActionResult result = handler.execute(context(Map.of("templateId", "welcome"), Optional.of(ann)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class,
                f -> assertThat(f.retryable()).isFalse());
    }

    @Test
    void validateParams_whenTemplateIdMissing_reportsIt() {
        assertThat(handler.validateParams(Map.of("subject", "x")))
                .singleElement().satisfies(p -> assertThat(p.param()).isEqualTo("templateId"));
        assertThat(handler.validateParams(Map.of("templateId", "welcome"))).isEmpty();
    }
}
