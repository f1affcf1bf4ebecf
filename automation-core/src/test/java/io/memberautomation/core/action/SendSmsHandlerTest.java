package io.memberautomation.core.action;

import static io.memberautomation.core.action.ActionFixtures.context;
import static io.memberautomation.core.action.ActionFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.SmsMessage;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Member;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendSmsHandlerTest {
    private final ActionFixtures fixtures = new ActionFixtures();
    private final ActionHandler handler = fixtures.handler("send_sms");
    private final Member bob = member(Map.of("phone", "+447700900123", "first_name", "Bob & Co"));

    @Test
    void execute_whenBodyParamGiven_sendsItAsRenderedWithIdempotencyKey() {
        ActionResult result = handler.execute(context(Map.of("body", "Renewal due, Bob & Co"), Optional.of(bob)));

        assertThat(fixtures.sms).containsExactly(new SmsMessage("org-1", "m-1", "+447700900123",
                "Renewal due, Bob & Co", "exec-1:step-1"));
        assertThat(result).isEqualTo(ActionResult.success(Map.of("to", "+447700900123",
                "body", "Renewal due, Bob & Co", "providerMessageId", "sms-1")));
    }

    @Test
    void execute_whenTemplateIdGiven_rendersTheTemplateBodyWithoutEscaping() {
        fixtures.templates.put("reminder", new Template("reminder", "unused", "Hi {{member.first_name}}, code {{code}}",
                Optional.empty()));

        handler.execute(context(Map.of("templateId", "reminder", "data", Map.of("code", "X1")), Optional.of(bob)));

        assertThat(fixtures.sms).singleElement().extracting(SmsMessage::body).isEqualTo("Hi Bob & Co, code X1");
    }

    @Test
    void execute_whenMemberHasNoPhone_skipsWithReason() {
        ActionResult result = handler.execute(context(Map.of("body", "x"), Optional.of(member(Map.of()))));

        assertThat(result).isEqualTo(ActionResult.skipped("member has no phone number"));
        assertThat(fixtures.sms).isEmpty();
    }

    @Test
    void execute_whenMemberOptedOut_skipsWithReason() {
        Member optedOut = member(Map.of("phone", "+447700900123", "sms_opt_out", "true"));

        ActionResult result = handler.execute(context(Map.of("body", "x"), Optional.of(optedOut)));

        assertThat(result).isEqualTo(ActionResult.skipped("member opted out of SMS"));
    }

    @Test
    void execute_whenTemplateUnknown_failsPermanently() {
        ActionResult result = handler.execute(context(Map.of("templateId", "gone"), Optional.of(bob)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("\"gone\"");
        });
    }

    @Test
    void execute_whenNeitherBodyNorTemplate_failsPermanently() {
        ActionResult result = handler.execute(context(Map.of("body", "  "), Optional.of(bob)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class,
                f -> assertThat(f.retryable()).isFalse());
        assertThat(handler.validateParams(Map.of())).hasSize(1);
    }

    @Test
    void execute_whenSenderTimesOut_returnsRetryableFailure() {
        fixtures.smsFailure = new DeliveryException("gateway timeout", true, new RuntimeException("timeout"));

        ActionResult result = handler.execute(context(Map.of("body", "x"), Optional.of(bob)));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.retryNotBefore()).isEmpty();
        });
    }
}
