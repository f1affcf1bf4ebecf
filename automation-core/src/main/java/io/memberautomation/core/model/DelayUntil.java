package io.memberautomation.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A wait until a date field plus an offset: {@code { "field": "member.renewal_date", "offset": "-P7D" }}.
 */
public record DelayUntil(FieldPath field, Optional<IsoDuration> offset) {
    public DelayUntil {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(offset, "offset");
    }
}
