package io.memberautomation.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.TriggerType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class EventDataProperties {

    @Property(tries = 2000)
    void occurredAt_forAnyInstant_isWrittenAsInstantToStringWrites(
            @ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long epochSecond,
            @ForAll("nanos") int nanos) {
        Instant at = Instant.ofEpochSecond(epochSecond, nanos);
        TriggerEvent event = new TriggerEvent(Optional.of("e-1"), "org", TriggerType.PAYMENT_FAILED,
                Optional.of("m-1"), Map.of(), Optional.of(at));

        assertThat(Enroller.eventData(event, Instant.EPOCH)).containsEntry("occurred_at", at.toString());
    }

    @Property(tries = 500)
    void occurredAt_forInstantsWithinOneSecond_keepsEachOwnFraction(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond, @ForAll("nanos") int first,
            @ForAll("nanos") int second) {
        Instant a = Instant.ofEpochSecond(epochSecond, first);
        Instant b = Instant.ofEpochSecond(epochSecond, second);

        assertThat(Enroller.InstantText.of(a)).isEqualTo(a.toString());
        assertThat(Enroller.InstantText.of(b)).isEqualTo(b.toString());
    }

    /** Whole seconds, whole milliseconds, whole microseconds and any nanosecond, as the formatter treats each. */
    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
    }
}
