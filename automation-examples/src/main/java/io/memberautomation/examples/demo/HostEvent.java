package io.memberautomation.examples.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the organisation did or saw happen, as opposed to what the engine did: a sign-up, a failed or
 * recovered payment, an event check-in, an upgrade, a renewal, a lapse.
 *
 * @param at       when
 * @param memberId the member it concerns
 * @param kind     what kind of thing
 * @param detail   a line for people
 */
record HostEvent(Instant at, String memberId, Kind kind, String detail) {
    HostEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of host activity the demo generates. */
    enum Kind {
        SIGN_UP, PAYMENT_FAILED, PAYMENT_RECOVERED, ATTENDED, UPGRADED, RENEWED, LAPSED
    }
}
