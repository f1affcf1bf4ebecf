package io.memberautomation.spi.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A message template with Mustache placeholders ({@code {{member.first_name}}}).
 *
 * @param id       the template id
 * @param subject  the subject (email) template
 * @param body     the plain-text body template
 * @param htmlBody the HTML body template, if any
 */
public record Template(String id, String subject, String body, Optional<String> htmlBody) {
    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }
}
