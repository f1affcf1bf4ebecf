package io.memberautomation.benchmarks;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.EnrollmentResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of publishing one event to an engine holding many active automations, ten per organization, of five
 * trigger types (two automations per type and organization), each with trigger conditions on the member and the
 * event. {@code automations} is 100 (10 organizations) or 1,000 (100 organizations): an event is routed by its
 * organization and type to the two automations that could take it, so its cost must not depend on how many
 * automations the engine holds in all.
 *
 * <ul>
 *   <li>{@code noMatch}: a {@code payment_failed} event, without an event id, for a member for whom neither
 *       candidate's conditions hold: routing, the member lookup and two condition checks; no store call.</li>
 *   <li>{@code enrollOne}: a {@code payment_failed} event with an event id for a member for whom exactly one
 *       candidate's conditions hold: the same, plus the store's atomic enrollment (event id recorded for
 *       deduplication, enrollment guard, execution inserted and queued). The executions are not run.</li>
 * </ul>
 *
 * Both sizes have 10,000 members in all (1,000 per organization for 100 automations, 100 for 1,000), so that
 * the member data an event touches, and the cache misses it costs, do not grow with the parameter either; events
 * go round-robin over the organizations and, within each, over its members. A fresh engine per iteration, since
 * {@code enrollOne} keeps every execution it enrolls (not run: the queue and the store grow through the
 * iteration, and the collector copies what they keep). Run:
 * {@code java -Xmx2g -jar benchmarks/target/benchmarks.jar Routing -f 1 -wi 3 -w 3s -i 5 -r 3s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RoutingBenchmark {
    static final int PER_ORGANIZATION = 10;
    static final int MEMBERS = 10_000;
    private static final String[] TYPES = {"payment_failed", "payment_succeeded", "event_registered",
            "event_attended", "subscription_created"};

    @Param({"100", "1000"})
    public int automations;

    private AutomationEngine engine;
    private String[] organizations;
    private String[] memberIds;
    private int membersPerOrganization;
    private Map<String, Object> noMatchPayload;
    private Map<String, Object> matchPayload;
    private long sequence;

    @Setup(Level.Iteration)
    public void freshEngine() {
        int organizationCount = automations / PER_ORGANIZATION;
        organizations = new String[organizationCount];
        membersPerOrganization = MEMBERS / organizationCount;
        memberIds = new String[membersPerOrganization];
        for (int m = 0; m < membersPerOrganization; m++) {
            memberIds[m] = "m-" + m;
        }
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        for (int o = 0; o < organizationCount; o++) {
            organizations[o] = "org-" + o;
            for (int m = 0; m < membersPerOrganization; m++) {
                members.put(new Member(memberIds[m], organizations[o], Map.of("status", "active", "tier", "silver",
                        "email", "m" + m + "@example.org", "lifetime_value", 120)));
            }
        }
        engine = AutomationEngine.builder().members(members).build();
        for (String organization : organizations) {
            for (int a = 0; a < PER_ORGANIZATION; a++) {
                String id = "auto-" + a;
                engine.save(definition(organization, id, TYPES[a % TYPES.length], a / TYPES.length));
                engine.activate(organization, id);
            }
        }
        noMatchPayload = Map.of("amount", 10, "currency", "EUR");
        matchPayload = Map.of("amount", 250, "currency", "EUR");
        EnrollmentResult none = engine.publish(noMatchEvent());
        EnrollmentResult one = engine.publish(matchEvent());
        if (!none.created().isEmpty() || one.created().size() != 1) {
            throw new IllegalStateException("the events do not enroll as intended: " + none + " / " + one);
        }
        // the previous iteration's engine is garbage now: collect it outside the measurement (as -gc true would)
        System.gc();
    }

    @TearDown(Level.Iteration)
    public void close() {
        engine.close();
    }

    /**
     * Two automations per organization and type. The first ({@code variant} 0) wants a large payment from an
     * active member; the second a gold or platinum member with a lifetime value above 1,000. The members are all
     * active silver members worth 120, so an event of 250 enrolls into the first and one of 10 into neither.
     */
    private static String definition(String organization, String id, String type, int variant) {
        String conditions = variant == 0
                ? """
                  { "operator": "and", "conditions": [
                    { "field": "member.status", "op": "eq", "value": "active" },
                    { "field": "event.amount", "op": "gte", "value": 100 } ] }"""
                : """
                  { "operator": "and", "conditions": [
                    { "field": "member.tier", "op": "in", "value": ["gold", "platinum"] },
                    { "field": "member.lifetime_value", "op": "gt", "value": 1000 } ] }""";
        return """
                { "id": "%s", "organizationId": "%s", "name": "Routing %s",
                  "trigger": { "type": "%s", "conditions": %s },
                  "enrollment": { "policy": "every_time" },
                  "steps": [
                    { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "routed" } } }
                  ] }
                """.formatted(id, organization, id, type, conditions);
    }

    private TriggerEvent noMatchEvent() {
        long n = sequence++;
        return new TriggerEvent(Optional.empty(), organizations[(int) (n % organizations.length)],
                TriggerType.PAYMENT_FAILED, Optional.of(memberIds[(int) (n / organizations.length
                % membersPerOrganization)]), noMatchPayload, Optional.empty());
    }

    private TriggerEvent matchEvent() {
        long n = sequence++;
        return new TriggerEvent(Optional.of("e-" + n), organizations[(int) (n % organizations.length)],
                TriggerType.PAYMENT_FAILED, Optional.of(memberIds[(int) (n / organizations.length
                % membersPerOrganization)]), matchPayload, Optional.empty());
    }

    @Benchmark
    public EnrollmentResult noMatch() {
        return engine.publish(noMatchEvent());
    }

    @Benchmark
    public EnrollmentResult enrollOne() {
        return engine.publish(matchEvent());
    }
}
