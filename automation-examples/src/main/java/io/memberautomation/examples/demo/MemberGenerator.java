package io.memberautomation.examples.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Makes up plausible members from a seeded {@link Random}: names, a timezone from where the organisation's
 * members live, join and renewal dates, tiers, statuses, opt-outs, a few missing emails and phones, and a
 * history of event attendance that matches how engaged each member is. The same seed gives the same members.
 */
final class MemberGenerator {
    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloe", "Dev", "Elena", "Farah", "George",
            "Hana", "Isaac", "Jun", "Kavya", "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
            "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe", "Arjun", "Bea", "Callum", "Dina");
    private static final List<String> LAST_NAMES = List.of("Adeyemi", "Brown", "Chen", "Davies", "Evans", "Fischer",
            "Garcia", "Hughes", "Iyer", "Jones", "Khan", "Lopez", "Murphy", "Nguyen", "O'Brien", "Patel", "Quinn",
            "Rossi", "Smith", "Taylor", "Ueda", "Varga", "Walsh", "Xu", "Young", "Zhang", "Kowalski", "Mensah",
            "Sharma", "Wilson");
    /** Where members live, with how many in a hundred live there. */
    private static final List<Place> PLACES = List.of(new Place("Europe/London", 45, "+44 7700 9"),
            new Place("America/New_York", 18, "+1 212 555 "), new Place("Asia/Kolkata", 12, "+91 98765 "),
            new Place("Australia/Sydney", 10, "+61 491 57"), new Place("Europe/Berlin", 8, "+49 1512 34"),
            new Place("America/Los_Angeles", 7, "+1 310 555 "));

    private record Place(String zone, int share, String phonePrefix) {}

    private final Random random;
    private final LocalDate today;
    private int made;

    /** Members as of {@code today}, the first day of the simulation. */
    MemberGenerator(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /** A member who has belonged for up to six years, with the history that comes with it. */
    HostMember existing() {
        LocalDate joined = today.minusDays(1 + random.nextInt(6 * 365));
        HostMember member = member(joined);
        member.renewalDate = nextAnniversary(joined);
        member.tier = pick(72, "standard", 20, "gold", "platinum");
        member.status = pick(88, "active", 4, "grace", "lapsed");
        member.eventsAttended = (int) (member.engagement * 40 * random.nextDouble());
        if (member.eventsAttended > 0) {
            int daysAgo = 1 + random.nextInt(20 + (int) ((1 - member.engagement) * 180));
            member.lastAttended = Optional.of(today.minusDays(daysAgo));
        }
        return member;
    }

    /** A member who signs up on {@code on}. */
    HostMember signUp(LocalDate on) {
        HostMember member = member(on);
        member.tier = pick(85, "standard", 15, "gold", "gold");
        return member;
    }

    private HostMember member(LocalDate joined) {
        made++;
        String id = String.format(Locale.ROOT, "m-%06d", made);
        String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        Place place = place();
        Optional<String> email = percent(4) ? Optional.empty() : Optional.of(
                (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + made + "@example.org");
        Optional<String> phone = percent(35) ? Optional.empty()
                : Optional.of(place.phonePrefix() + String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
        double engagement = random.nextDouble() * random.nextDouble() * 1.6;
        List<String> tags = percent(8) ? List.of("volunteer") : List.of();
        return new HostMember(id, first, last, ZoneId.of(place.zone()), Math.min(engagement, 1.0), email, percent(3),
                phone, percent(5), joined, percent(40), tags);
    }

    private LocalDate nextAnniversary(LocalDate joined) {
        LocalDate anniversary = joined.withYear(today.getYear());
        return anniversary.isBefore(today) ? anniversary.plusYears(1) : anniversary;
    }

    private Place place() {
        int roll = random.nextInt(100);
        for (Place place : PLACES) {
            roll -= place.share();
            if (roll < 0) {
                return place;
            }
        }
        return PLACES.get(0);
    }

    private boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    /** {@code first} with {@code firstChance}%, {@code second} with {@code secondChance}%, else {@code rest}. */
    private String pick(int firstChance, String first, int secondChance, String second, String rest) {
        int roll = random.nextInt(100);
        return roll < firstChance ? first : roll < firstChance + secondChance ? second : rest;
    }
}
