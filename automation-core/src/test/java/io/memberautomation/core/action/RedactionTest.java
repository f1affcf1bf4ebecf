package io.memberautomation.core.action;

import static io.memberautomation.core.action.Redaction.REDACTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.member.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private final Redaction redaction = Redaction.defaults();

    @Test
    void isSensitive_whenNameLooksLikeASecretOrIsASensitiveField_isTrueCaseInsensitively() {
        assertThat(List.of("Authorization", "X-Auth-Token", "api_key", "X-ApiKey", "Cookie", "webhook-signature",
                "client_secret", "PASSWORD", "ssn", "member.ssn", "Member.IBAN"))
                .allMatch(redaction::isSensitive);
        assertThat(List.of("secretRef", "email", "first_name", "status", "member.id", "author"))
                .noneMatch(redaction::isSensitive);
    }

    @Test
    void withSensitiveFields_whenGivenItsOwnList_replacesTheDefaultFieldsButKeepsSecretNames() {
        Redaction custom = Redaction.withSensitiveFields(Set.of("Date_Of_Birth"));

        assertThat(custom.isSensitive("member.date_of_birth")).isTrue();
        assertThat(custom.isSensitive("ssn")).isFalse();
        assertThat(custom.isSensitive("api_token")).isTrue();
    }

    @Test
    void secretValues_whenParamsHoldHeadersQueryAndBody_collectsTheirSecretsLongestFirst() {
        Map<String, Object> params = Map.of(
                "url", "https://hooks.example/x?api_key=k%2B123&page=2",
                "headers", Map.of("Authorization", "Bearer tok-456", "X-Source", "automation"),
                "body", Map.of("client", Map.of("secret", "shh-789"), "name", "Ada"),
                "secretRef", "crm-signing");

        List<String> values = redaction.secretValues(params, Optional.of(new Member("m-1", "org", Map.of(
                "ssn", "123-45-6789", "password_set", true, "first_name", "Ada"))));

        assertThat(values).containsExactlyInAnyOrder("Bearer tok-456", "tok-456", "k%2B123", "k+123", "shh-789",
                "123-45-6789");
        assertThat(values.get(0)).isEqualTo("Bearer tok-456");
    }

    @Test
    void secretValues_whenAValueIsShort_leavesItOutOfFreeTextScrubbing() {
        assertThat(redaction.secretValues(Map.of("token", "abc"), Optional.empty())).isEmpty();
        assertThat(redaction.redact(Map.of("token", "abc"), List.of())).isEqualTo(Map.of("token", REDACTED));
    }

    @Test
    void scrub_whenTextContainsSecrets_replacesEveryOccurrence() {
        String text = redaction.scrub("sent Bearer tok-456 then tok-456 again", List.of("Bearer tok-456", "tok-456"));

        assertThat(text).isEqualTo("sent [redacted] then [redacted] again");
    }

    @Test
    void redact_whenMapHasSecretKeysExplanationsAndEchoedValues_redactsAtAnyDepth() {
        Map<String, Object> detail = Map.of("output", Map.of(
                "headers", List.of(Map.of("Set-Cookie", "session=abc123"), "echo tok-456"),
                "explanation", Map.of("field", "member.ssn", "op", "eq", "seen", "\"123-45-6789\"",
                        "expected", "\"000\"", "result", false),
                "status", 200));

        Map<String, Object> redacted = redaction.redact(detail, List.of("tok-456"));

        assertThat(redacted).isEqualTo(Map.of("output", Map.of(
                "headers", List.of(Map.of("Set-Cookie", REDACTED), "echo [redacted]"),
                "explanation", Map.of("field", "member.ssn", "op", "eq", "seen", REDACTED, "expected", REDACTED,
                        "result", false),
                "status", 200)));
    }

    @Test
    void redact_whenNothingIsSensitive_returnsTheSameMap() {
        Map<String, Object> detail = Map.of("output", Map.of("status", 200, "tags", List.of("gold")));

        assertThat(redaction.redact(detail, List.of("tok-456"))).isSameAs(detail);
    }
}
