package io.memberautomation.examples.demo;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.examples.simulate.ClockWalk;
import io.memberautomation.jdbc.JdbcMemberDirectory;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberPatch;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * What the organisation and its members do, day by day, as a host application would report it to the
 * engine: sign-ups ({@code memberChanged} with a new member), failed card payments (the member's
 * {@code payment_status} set to {@code failed}, then a published {@code payment_failed} event) and, for
 * most, their recovery a few days later, check-ins at the Tuesday, Thursday and
 * Saturday events, tier upgrades, renewals and lapses. Each day's activity is planned at the start of the
 * day from the seeded random source, at ten-minute marks, and then done at its time; the members' own
 * records ({@link HostMember}) decide who can do what.
 *
 * <p>Rates scale with the size of the organisation: per thousand starting members and day, about 1.2
 * sign-ups, 0.6 failed payments (3.6% of members over 60 days), 0.3 upgrades to platinum and 0.3 to gold,
 * and on event days check-ins by about 3% of active members; at least one sign-up, failed payment and
 * upgrade to platinum happen every day, so that even a small run shows every automation at work.
 */
final class MembershipActivity implements ClockWalk.Agenda {
    private static final Set<DayOfWeek> EVENT_DAYS = Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY);
    private static final Map<String, BigDecimal> DUES = Map.of("standard", new BigDecimal("60.00"),
            "gold", new BigDecimal("120.00"), "platinum", new BigDecimal("300.00"));
    private static final Duration WEEK = Duration.ofDays(7);

    private final AutomationEngine engine;
    private final JdbcMemberDirectory directory;
    private final String org;
    private final ZoneId zone;
    private final Random random;
    private final MemberGenerator generator;
    private final List<HostMember> roster;
    private final int startingMembers;
    private final LocalDate firstDay;
    private final int days;
    private final IntConsumer dayStarted;
    private final PriorityQueue<Planned> planned = new PriorityQueue<>(
            Comparator.comparing(Planned::at).thenComparingLong(Planned::order));
    private final List<HostEvent> log = new ArrayList<>();
    private int daysStarted;
    private long order;
    private long changes;

    /** One thing the host will do at a given time; {@code order} keeps things planned for one instant in order. */
    private record Planned(Instant at, long order, Runnable action) {}

    /**
     * @param roster     the organisation's records, which sign-ups are added to
     * @param dayStarted told the number (1-based) of each day as it starts
     */
    MembershipActivity(AutomationEngine engine, JdbcMemberDirectory directory, String org, ZoneId zone, Random random,
                       MemberGenerator generator, List<HostMember> roster, LocalDate firstDay, int days,
                       IntConsumer dayStarted) {
        this.engine = engine;
        this.directory = directory;
        this.org = org;
        this.zone = zone;
        this.random = random;
        this.generator = generator;
        this.roster = roster;
        this.startingMembers = roster.size();
        this.firstDay = firstDay;
        this.days = days;
        this.dayStarted = dayStarted;
    }

    /** When the simulated days end: the start of the day after the last. */
    Instant end() {
        return dayStart(days);
    }

    Instant dayStart(int day) {
        return firstDay.plusDays(day).atStartOfDay(zone).toInstant();
    }

    @Override
    public Optional<Instant> nextAt() {
        Optional<Instant> next = Optional.ofNullable(planned.peek()).map(Planned::at);
        if (daysStarted < days && (next.isEmpty() || !next.get().isBefore(dayStart(daysStarted)))) {
            return Optional.of(dayStart(daysStarted));
        }
        return next;
    }

    @Override
    public void runAt(Instant now) {
        if (daysStarted < days && dayStart(daysStarted).equals(now)) {
            startDay(firstDay.plusDays(daysStarted));
        }
        while (!planned.isEmpty() && planned.peek().at().equals(now)) {
            planned.poll().action().run();
        }
    }

    /** Everything the host did, in order. */
    synchronized List<HostEvent> log() {
        return List.copyOf(log);
    }

    /** The week before {@code now} in figures, for the board's digest; read from the receiver's thread. */
    synchronized Map<String, Object> weeklyFigures(Instant now) {
        Map<HostEvent.Kind, Integer> counts = new EnumMap<>(HostEvent.Kind.class);
        for (HostEvent event : log) {
            if (!event.at().isBefore(now.minus(WEEK)) && event.at().isBefore(now)) {
                counts.merge(event.kind(), 1, Integer::sum);
            }
        }
        return Map.of("new_members", counts.getOrDefault(HostEvent.Kind.SIGN_UP, 0),
                "payment_failures", counts.getOrDefault(HostEvent.Kind.PAYMENT_FAILED, 0),
                "upgrades", counts.getOrDefault(HostEvent.Kind.UPGRADED, 0),
                "attendances", counts.getOrDefault(HostEvent.Kind.ATTENDED, 0));
    }

    // ---- planning a day -----------------------------------------------------------------------------

    private void startDay(LocalDate date) {
        daysStarted++;
        dayStarted.accept(daysStarted);
        for (int i = count(startingMembers * 0.0012, 1); i > 0; i--) {
            HostMember member = generator.signUp(date);
            plan(at(date, 8 * 60, 22 * 60), () -> signUp(member));
        }
        for (int i = count(startingMembers * 0.0006, 1); i > 0; i--) {
            anyone(m -> m.active() && !m.paymentOutstanding)
                    .ifPresent(member -> plan(at(date, 60, 23 * 60), () -> paymentFailed(member, date)));
        }
        for (int i = count(startingMembers * 0.0003, 1); i > 0; i--) {
            anyone(m -> m.active() && m.tier.equals("gold"))
                    .ifPresent(member -> plan(at(date, 9 * 60, 18 * 60), () -> upgrade(member, "platinum")));
        }
        for (int i = count(startingMembers * 0.0003, 0); i > 0; i--) {
            anyone(m -> m.active() && m.tier.equals("standard"))
                    .ifPresent(member -> plan(at(date, 9 * 60, 18 * 60), () -> upgrade(member, "gold")));
        }
        planRenewals(date);
        if (EVENT_DAYS.contains(date.getDayOfWeek())) {
            for (HostMember member : roster) {
                if (member.active() && random.nextDouble() < member.engagement * 0.08) {
                    plan(at(date, 19 * 60, 21 * 60 + 30), () -> attend(member, date));
                }
            }
        }
    }

    /**
     * Auto-renewing members renew on the day; of the others, about one in eight a day renews in the week
     * before, and whoever has not by the day after lapses.
     */
    private void planRenewals(LocalDate date) {
        for (HostMember member : roster) {
            if (member.status.equals("lapsed")) {
                continue;
            }
            if (member.autoRenew) {
                if (member.renewalDate.equals(date)) {
                    plan(at(date, 3 * 60, 3 * 60 + 10), () -> renew(member));
                }
            } else if (member.renewalDate.equals(date.minusDays(1))) {
                plan(at(date, 6 * 60, 6 * 60 + 10), () -> lapse(member));
            } else if (!member.renewalDate.isBefore(date) && member.renewalDate.isBefore(date.plusDays(7))
                    && random.nextDouble() < 0.12) {
                plan(at(date, 8 * 60, 22 * 60), () -> renew(member));
            }
        }
    }

    private void plan(Instant at, Runnable action) {
        planned.add(new Planned(at, order++, action));
    }

    /** A ten-minute mark between {@code fromMinute} (inclusive) and {@code toMinute} of the day, local time. */
    private Instant at(LocalDate date, int fromMinute, int toMinute) {
        int minute = fromMinute + 10 * random.nextInt(Math.max(1, (toMinute - fromMinute) / 10));
        return date.atStartOfDay(zone).plusMinutes(minute).toInstant();
    }

    /** {@code expected} rounded up or down at random, so the average is right, and at least {@code min}. */
    private int count(double expected, int min) {
        int whole = (int) expected;
        return Math.max(min, whole + (random.nextDouble() < expected - whole ? 1 : 0));
    }

    private Optional<HostMember> anyone(Predicate<HostMember> who) {
        for (int tries = 0; tries < 100; tries++) {
            HostMember member = roster.get(random.nextInt(roster.size()));
            if (who.test(member)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    // ---- doing it -----------------------------------------------------------------------------------

    private void signUp(HostMember member) {
        roster.add(member);
        MemberChange change = directory.put(member.toMember(org));
        engine.memberChanged(change, Optional.of(changeId()));
        record(member, HostEvent.Kind.SIGN_UP, "signed up as a " + member.tier + " member (" + member.zone + ")");
    }

    private void paymentFailed(HostMember member, LocalDate date) {
        if (!member.active() || member.paymentOutstanding) {
            return;
        }
        member.paymentOutstanding = true;
        BigDecimal amount = DUES.get(member.tier);
        // the billing system records the failure on the member first, as the dunning's exit criteria
        // ("payment_status is current again") are checked from its first step on
        change(member, Map.of("payment_status", "failed"));
        engine.publish(TriggerEvent.of("payment-failed:" + member.id + ":" + date, org, TriggerType.PAYMENT_FAILED,
                member.id, Map.of("amount", amount, "currency", "GBP")));
        record(member, HostEvent.Kind.PAYMENT_FAILED, "card payment of " + amount + " GBP failed");
        if (random.nextInt(100) < 60) {
            LocalDate recovery = date.plusDays(1 + random.nextInt(6));
            plan(at(recovery, 8 * 60, 22 * 60), () -> paymentRecovered(member));
        }
    }

    private void paymentRecovered(HostMember member) {
        if (!member.paymentOutstanding) {
            return;
        }
        member.paymentOutstanding = false;
        change(member, Map.of("payment_status", "current"));
        record(member, HostEvent.Kind.PAYMENT_RECOVERED, "updated the card; payment went through");
    }

    private void attend(HostMember member, LocalDate date) {
        member.eventsAttended++;
        member.lastAttended = Optional.of(date);
        change(member, Map.of("events_attended", (long) member.eventsAttended, "last_attended_at", date.toString()));
        record(member, HostEvent.Kind.ATTENDED, "checked in at an event (" + member.eventsAttended + " so far)");
    }

    private void upgrade(HostMember member, String tier) {
        if (!member.active() || member.tier.equals(tier)) {
            return;
        }
        String from = member.tier;
        member.tier = tier;
        change(member, Map.of("tier", tier));
        record(member, HostEvent.Kind.UPGRADED, "upgraded from " + from + " to " + tier);
    }

    private void renew(HostMember member) {
        member.renewalDate = member.renewalDate.plusYears(1);
        member.status = "active";
        change(member, Map.of("renewal_date", member.renewalDate.toString(), "status", "active"));
        record(member, HostEvent.Kind.RENEWED, "renewed until " + member.renewalDate);
    }

    private void lapse(HostMember member) {
        member.status = "lapsed";
        change(member, Map.of("status", "lapsed"));
        record(member, HostEvent.Kind.LAPSED, "did not renew; membership lapsed");
    }

    private void change(HostMember member, Map<String, Object> fields) {
        MemberPatch patch = new MemberPatch(fields, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        MemberChange change = directory.apply(org, member.id, patch);
        engine.memberChanged(change, Optional.of(changeId()));
    }

    private String changeId() {
        return "host-change-" + ++changes;
    }

    private synchronized void record(HostMember member, HostEvent.Kind kind, String detail) {
        log.add(new HostEvent(engine.clock().now(), member.id, kind, detail));
    }
}
