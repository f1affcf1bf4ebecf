package io.memberautomation.core.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which timezone a schedule or delay uses: the member's, the automation's, or a fixed zone id.
 * Resolution falls back from the member to the automation, the organization, then UTC.
 */
public sealed interface ZoneChoice {

    /** The member's own {@code timezone} field. */
    record Member() implements ZoneChoice {
        @Override
        public String toString() {
            return "member";
        }
    }

    /** The automation's timezone (else the organization's, else UTC). */
    record Automation() implements ZoneChoice {
        @Override
        public String toString() {
            return "automation";
        }
    }

    /** A fixed zone. */
    record Fixed(ZoneId zone) implements ZoneChoice {
        public Fixed {
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public String toString() {
            return zone.getId();
        }
    }

    ZoneChoice MEMBER = new Member();
    ZoneChoice AUTOMATION = new Automation();

    /** Parses {@code "member"}, {@code "automation"} or a zone id; empty when the text is none of them. */
    static Optional<ZoneChoice> parse(String text) {
        if (text.equals("member")) {
            return Optional.of(MEMBER);
        }
        if (text.equals("automation")) {
            return Optional.of(AUTOMATION);
        }
        try {
            return Optional.of(new Fixed(ZoneId.of(text)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
