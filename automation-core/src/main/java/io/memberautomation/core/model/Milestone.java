package io.memberautomation.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An engagement milestone: fires when a counter crosses one of the thresholds upward.
 *
 * @param field      the counter, such as {@code member.events_attended}
 * @param thresholds strictly increasing thresholds
 */
public record Milestone(FieldPath field, List<BigDecimal> thresholds) {
    public Milestone {
        Objects.requireNonNull(field, "field");
        thresholds = Checks.list(thresholds, "thresholds");
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a milestone needs at least one threshold");
        }
        for (int i = 1; i < thresholds.size(); i++) {
            if (thresholds.get(i).compareTo(thresholds.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("milestone thresholds must increase: " + thresholds);
            }
        }
    }
}
