package io.memberautomation.spi.member;

import io.memberautomation.spi.Data;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as the engine sees it: an id, its organization, and a record of fields (custom fields
 * included). Well-known fields are read through accessors; conditions read any field by name.
 *
 * <p>Field values are strings, numbers, booleans, {@code java.time} dates or instants, lists and maps.
 *
 * @param id             the member's id within the organization
 * @param organizationId the tenant the member belongs to
 * @param fields         every other field, in a stable order
 */
public record Member(String id, String organizationId, Map<String, Object> fields) {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String STATUS = "status";
    public static final String TAGS = "tags";
    public static final String SEGMENTS = "segments";
    public static final String TIMEZONE = "timezone";
    public static final String EMAIL_OPT_OUT = "email_opt_out";
    public static final String SMS_OPT_OUT = "sms_opt_out";

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        if (id.isBlank()) {
            throw new IllegalArgumentException("member id must not be blank");
        }
        fields = Data.copy(fields);
        if (fields.containsKey("id")) {
            throw new IllegalArgumentException("the member id is not a field");
        }
    }

    public Optional<Object> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Optional<String> text(String name) {
        Object value = fields.get(name);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    public Optional<String> email() {
        return text(EMAIL);
    }

    public Optional<String> phone() {
        return text(PHONE);
    }

    public List<String> tags() {
        return stringList(TAGS);
    }

    /** Ids of the static segments the member belongs to. */
    public List<String> segments() {
        return stringList(SEGMENTS);
    }

    /** The member's timezone, when set to a valid zone id. */
    public Optional<ZoneId> timezone() {
        return text(TIMEZONE).flatMap(zone -> {
            try {
                return Optional.of(ZoneId.of(zone));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether the member opted out of the channel ({@code email_opt_out} / {@code sms_opt_out}). */
    public boolean optedOut(Channel channel) {
        Object flag = fields.get(channel == Channel.EMAIL ? EMAIL_OPT_OUT : SMS_OPT_OUT);
        return Boolean.TRUE.equals(flag) || "true".equals(flag);
    }

    private List<String> stringList(String name) {
        Object value = fields.get(name);
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
