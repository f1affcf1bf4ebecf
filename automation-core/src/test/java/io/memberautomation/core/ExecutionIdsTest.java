package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.IdGenerator;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Execution ids: time-ordered UUIDs from the engine's clock unless the host supplies a generator. */
class ExecutionIdsTest {
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    /** The last millisecond the 48 bits of a version 7 UUID hold. */
    private static final long MAX_MILLIS = 0xFFFF_FFFF_FFFFL;

    @Test
    void timeOrdered_whenCalled_givesVersion7RfcVariantCarryingTheClocksMilliseconds() {
        TestClock clock = TestClock.at(START.plusNanos(987_654_321));

        UUID id = UUID.fromString(IdGenerator.timeOrdered(clock).newId());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(START.toEpochMilli() + 987);
    }

    @Test
    void timeOrdered_whenTheClockStandsStill_stillGivesDistinctIds() {
        IdGenerator ids = IdGenerator.timeOrdered(TestClock.at(START));

        Set<String> made = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> made.add(ids.newId()));

        assertThat(made).hasSize(100_000);
    }

    @Property
    void timeOrdered_whenTheClockHasMovedOnAMillisecond_sortsTheLaterIdAfterAsTextAndAsUuid(
            @ForAll @LongRange(min = 0, max = MAX_MILLIS - 1) long earlierMillis,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long laterBy) {
        long laterMillis = Math.min(MAX_MILLIS, earlierMillis + laterBy);
        TestClock clock = TestClock.at(Instant.ofEpochMilli(earlierMillis));
        IdGenerator ids = IdGenerator.timeOrdered(clock);

        String earlier = ids.newId();
        clock.set(Instant.ofEpochMilli(laterMillis));
        String later = ids.newId();

        assertThat(later).isGreaterThan(earlier);
        assertThat(Long.compareUnsigned(UUID.fromString(later).getMostSignificantBits(),
                UUID.fromString(earlier).getMostSignificantBits())).isPositive();
    }

    @Test
    void engine_whenNoGeneratorIsGiven_enrollsWithTimeOrderedIdsFromItsClock() {
        TestClock clock = TestClock.at(START);
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        members.put(new Member("m-1", "default", Map.of()));
        members.put(new Member("m-2", "default", Map.of()));
        try (AutomationEngine engine = AutomationEngine.builder().clock(clock).persistence(new InMemoryPersistence())
                .members(members).build()) {
            var saved = engine.save("""
                    { "id": "dunning", "name": "Dunning", "trigger": { "type": "payment_failed" },
                      "steps": [ { "id": "tag", "type": "action",
                                   "action": { "type": "add_tag", "params": { "tag": "dunning" } } } ] }
                    """);
            engine.activate(saved.organizationId(), saved.automation().id());

            engine.publish(TriggerEvent.of("evt-1", "default", TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
            clock.advance(Duration.ofSeconds(1));
            engine.publish(TriggerEvent.of("evt-2", "default", TriggerType.PAYMENT_FAILED, "m-2", Map.of()));

            List<ExecutionRecord> executions = engine.executions(ExecutionQuery.all("default", 10)).executions();
            assertThat(executions).extracting(e -> UUID.fromString(e.id()).getMostSignificantBits() >>> 16)
                    .containsExactlyInAnyOrder(START.toEpochMilli(), START.toEpochMilli() + 1000);
            String first = executions.stream().filter(e -> e.memberId().orElseThrow().equals("m-1")).findFirst()
                    .orElseThrow().id();
            String second = executions.stream().filter(e -> e.memberId().orElseThrow().equals("m-2")).findFirst()
                    .orElseThrow().id();
            assertThat(second).isGreaterThan(first);
        }
    }
}
