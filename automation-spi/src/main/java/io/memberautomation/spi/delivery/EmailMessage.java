package io.memberautomation.spi.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rendered email to one member.
 *
 * @param organizationId the sending organization
 * @param memberId       the recipient member
 * @param to             the recipient address
 * @param subject        the rendered subject
 * @param textBody       the plain-text body
 * @param htmlBody       the HTML body, if the template has one (values already HTML-escaped)
 * @param templateId     the template it was rendered from
 * @param headers        extra headers (for example {@code List-Unsubscribe})
 * @param idempotencyKey stable per execution and step: the same across retries and crash recovery
 */
public record EmailMessage(String organizationId, String memberId, String to, String subject, String textBody,
                           Optional<String> htmlBody, String templateId, Map<String, String> headers,
                           String idempotencyKey) {
    public EmailMessage {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(templateId, "templateId");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
