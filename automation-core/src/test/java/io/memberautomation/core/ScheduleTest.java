package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cron and date-based schedules through the engine, in zones with odd rules, driven by a test clock. */
class ScheduleTest {

    private static String cron(String id, String expression, String zone, String audience, String misfire,
                               String conditions) {
        return """
                { "id": "%s", "name": "Cron", "status": "active", "enrollment": { "policy": "every_time" },
                  "trigger": { "type": "scheduled", %s
                    "schedule": { "cron": "%s", "timezone": "%s", "audience": "%s", "misfire": "%s" } },
                  "steps": [ { "id": "note", "type": "action", "action": { "type": "notify_admin", "params": { "message": "digest" } } } ] }
                """.formatted(id, conditions, expression, zone, audience, misfire);
    }

    private static List<Instant> starts(EngineFixture f) {
        return f.executions().stream().map(ExecutionRecord::createdAt).sorted().toList();
    }

    @Test
    void weeklyCron_whenRunForFourWeeks_firesMondaysAtNineLondonTime() {
        try (EngineFixture f = new EngineFixture()) {
            f.engine.save(cron("digest", "0 9 * * MON", "Europe/London", "organization", "fire_once", ""));
            f.runUntil(Instant.parse("2026-03-31T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2026-01-05T09:00:00Z"),
                    Instant.parse("2026-01-12T09:00:00Z"), Instant.parse("2026-01-19T09:00:00Z"),
                    Instant.parse("2026-01-26T09:00:00Z"), Instant.parse("2026-02-02T09:00:00Z"),
                    Instant.parse("2026-02-09T09:00:00Z"), Instant.parse("2026-02-16T09:00:00Z"),
                    Instant.parse("2026-02-23T09:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"),
                    Instant.parse("2026-03-09T09:00:00Z"), Instant.parse("2026-03-16T09:00:00Z"),
                    Instant.parse("2026-03-23T09:00:00Z"), Instant.parse("2026-03-30T08:00:00Z"));
            assertThat(f.executions()).allSatisfy(e -> assertThat(e.memberId()).isEmpty());
        }
    }

    @Test
    void dailyCron_whenSpringForwardSwallowsTheTime_firesAtTheTransitionOnce() {
        try (EngineFixture f = new EngineFixture()) {
            f.clock.set(Instant.parse("2026-03-07T00:00:00Z"));
            f.engine.save(cron("night", "30 2 * * *", "America/New_York", "organization", "fire_once", ""));
            f.runUntil(Instant.parse("2026-03-10T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2026-03-07T07:30:00Z"),
                    Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
        }
    }

    @Test
    void dailyCron_whenFallBackRepeatsTheTime_firesOnceAtTheEarlierInstant() {
        try (EngineFixture f = new EngineFixture()) {
            f.clock.set(Instant.parse("2026-10-31T00:00:00Z"));
            f.engine.save(cron("night", "30 1 * * *", "America/New_York", "organization", "fire_once", ""));
            f.runUntil(Instant.parse("2026-11-03T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2026-10-31T05:30:00Z"),
                    Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        }
    }

    @Test
    void dailyCron_whenLordHoweShiftsHalfAnHour_firesAtTheTransition() {
        try (EngineFixture f = new EngineFixture()) {
            f.clock.set(Instant.parse("2026-10-02T00:00:00Z"));
            f.engine.save(cron("night", "15 2 * * *", "Australia/Lord_Howe", "organization", "fire_once", ""));
            f.runUntil(Instant.parse("2026-10-05T12:00:00Z"));
            // 02:15 on 2026-10-04 does not exist in Lord Howe (02:00 -> 02:30): it fires at the transition
            assertThat(starts(f)).contains(Instant.parse("2026-10-03T15:30:00Z"))
                    .contains(ZoneId.of("Australia/Lord_Howe").getRules()
                            .nextTransition(Instant.parse("2026-10-02T00:00:00Z")).getInstant())
                    .hasSize(3);
        }
    }

    @Test
    void cronForMembers_whenFired_enrollsEveryMemberWhoseConditionsHoldAcrossBatches() {
        try (EngineFixture f = new EngineFixture(b -> b.audienceBatch(500))) {
            for (int i = 0; i < 1200; i++) {
                f.member(String.format("m-%04d", i), Map.of("status", i % 2 == 0 ? "active" : "lapsed"));
            }
            f.engine.save(cron("weekly", "0 9 * * MON", "UTC", "members", "fire_once",
                    "\"conditions\": { \"conditions\": [ { \"field\": \"member.status\", \"op\": \"eq\", \"value\": \"active\" } ] },"));
            f.runUntil(Instant.parse("2026-01-05T09:00:00Z"));
            assertThat(f.executions()).hasSize(600)
                    .allSatisfy(e -> assertThat(e.memberId().orElseThrow()).matches("m-\\d\\d\\d[02468]"));
        }
    }

    @Test
    void misfire_whenNoEngineRanAtFireTimes_fireOnceFiresOnceAndSkipFiresNone() {
        for (String policy : List.of("fire_once", "skip")) {
            InMemoryPersistence persistence = new InMemoryPersistence();
            InMemoryMemberDirectory members = new InMemoryMemberDirectory();
            TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
            try (AutomationEngine first = AutomationEngine.builder().clock(clock).persistence(persistence)
                    .members(members).build()) {
                first.save(cron("daily", "0 9 * * *", "UTC", "organization", policy, ""));
                first.runDue();
            }
            clock.set(Instant.parse("2026-01-04T12:00:00Z"));
            try (AutomationEngine second = AutomationEngine.builder().clock(clock).persistence(persistence)
                    .members(members).build()) {
                second.runDue();
                var all = second.executions(io.memberautomation.spi.store.ExecutionQuery.all("default", 100))
                        .executions();
                assertThat(all).as(policy).hasSize(policy.equals("fire_once") ? 1 : 0);
                all.forEach(e -> assertThat(e.trigger()).containsEntry("missed", true));
                assertThat(persistence.timers().nextDueAt()).contains(Instant.parse("2026-01-05T09:00:00Z"));
            }
        }
    }

    private static final String RENEWAL = """
            { "id": "renewal", "name": "Renewal reminder", "status": "active", "timezone": "Europe/London",
              "trigger": { "type": "scheduled",
                "schedule": { "dateField": "member.renewal_date", "offset": "-P7D", "at": "09:00", "timezone": "member" } },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "reminded" } } } ] }
            """;

    @Test
    void dateBased_whenMembersLiveInDifferentZones_firesSevenDaysBeforeAtNineLocal() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("kolkata", Map.of("renewal_date", "2026-01-20", "timezone", "Asia/Kolkata"));
            f.member("kiritimati", Map.of("renewal_date", "2026-01-20", "timezone", "Pacific/Kiritimati"));
            f.member("london", Map.of("renewal_date", "2026-01-20"));
            f.member("past", Map.of("renewal_date", "2026-01-06"));
            f.engine.save(RENEWAL);
            f.runUntil(Instant.parse("2026-02-01T00:00:00Z"));

            assertThat(f.executions()).extracting(e -> e.memberId().orElseThrow() + "@" + e.createdAt())
                    .containsExactlyInAnyOrder("kolkata@2026-01-13T03:30:00Z", "kiritimati@2026-01-12T19:00:00Z",
                            "london@2026-01-13T09:00:00Z");
        }
    }

    @Test
    void dateBased_whenTheDateMoves_theFireMovesAndFiresOncePerDateValue() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("renewal_date", "2026-01-20"));
            f.engine.save(RENEWAL);
            f.runUntil(Instant.parse("2026-01-10T00:00:00Z"));
            var change = f.members.apply("default", "m-1", MemberPatch.setField("renewal_date", "2026-02-20"));
            f.engine.memberChanged(change, Optional.of("move-1"));
            f.runUntil(Instant.parse("2026-02-14T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2026-02-13T09:00:00Z"));

            var touch = f.members.apply("default", "m-1", MemberPatch.setField("nickname", "Ada"));
            f.engine.memberChanged(touch, Optional.of("touch-1"));
            f.runUntil(Instant.parse("2026-03-01T00:00:00Z"));
            assertThat(f.executions()).hasSize(1);
        }
    }

    @Test
    void dateBased_whenTimezoneChanges_theFireMovesWithIt() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("renewal_date", "2026-01-20", "timezone", "Europe/London"));
            f.engine.save(RENEWAL);
            var change = f.members.apply("default", "m-1", MemberPatch.setField("timezone", "America/New_York"));
            f.engine.memberChanged(change, Optional.of("tz-1"));
            f.runUntil(Instant.parse("2026-02-01T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2026-01-13T14:00:00Z"));
        }
    }

    @Test
    void dateBased_whenLeapDayPlusOneYear_firesOnFebruaryTwentyEighth() {
        try (EngineFixture f = new EngineFixture()) {
            f.clock.set(Instant.parse("2028-01-01T00:00:00Z"));
            f.member("m-1", Map.of("joined_at", "2028-02-29"));
            f.engine.save(RENEWAL.replace("member.renewal_date", "member.joined_at").replace("-P7D", "P1Y")
                    .replace("\"timezone\": \"member\"", "\"timezone\": \"UTC\""));
            f.runUntil(Instant.parse("2029-03-31T00:00:00Z"));
            assertThat(starts(f)).containsExactly(Instant.parse("2029-02-28T09:00:00Z"));
        }
    }

    @Test
    void delayUntilWithAt_whenMemberIsInKiritimati_endsAtNineTheirTime() {
        try (EngineFixture f = new EngineFixture()) {
            f.member("m-1", Map.of("renewal_date", "2026-01-20", "timezone", "Pacific/Kiritimati"));
            f.activate("""
                    { "id": "remind", "name": "Remind", "trigger": { "type": "payment_failed" },
                      "steps": [
                        { "id": "wait", "type": "delay", "nextSteps": ["tag"],
                          "delay": { "until": { "field": "member.renewal_date", "offset": "-P1D" }, "at": "09:00", "timezone": "member" } },
                        { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "t" } } } ] }
                    """);
            f.publish("e-1", io.memberautomation.core.model.TriggerType.PAYMENT_FAILED, "m-1", Map.of());
            assertThat(f.only().branches().get(0).dueAt()).contains(Instant.parse("2026-01-18T19:00:00Z"));
        }
    }
}
