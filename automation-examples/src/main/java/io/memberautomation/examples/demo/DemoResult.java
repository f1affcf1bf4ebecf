package io.memberautomation.examples.demo;

import io.memberautomation.core.model.Automation;
import io.memberautomation.examples.simulate.Effects;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one demo run did, read back from the engine and its store when the simulated days were over.
 *
 * @param organization      the organisation's name
 * @param database          the database it ran on, for people
 * @param firstDay          the first simulated day
 * @param days              how many days were simulated
 * @param zone              the organisation's timezone, which days are counted in
 * @param startingMembers   members at the start
 * @param members           every member at the end, by id
 * @param automations       the automations, in the order the report shows them
 * @param executions        every execution, by start time
 * @param effects           every effect, in {@link Effects#ORDER}
 * @param hostEvents        what the organisation and its members did, in order
 * @param billingRequests   how many requests the billing receiver got per {@code Idempotency-Key}
 */
record DemoResult(String organization, String database, LocalDate firstDay, int days, ZoneId zone,
                  int startingMembers, Map<String, MemberLabel> members, List<Automation> automations,
                  List<ExecutionRecord> executions, List<Effects.Effect> effects, List<HostEvent> hostEvents,
                  Map<String, Integer> billingRequests) {
    DemoResult {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(zone, "zone");
        members = Map.copyOf(members);
        automations = List.copyOf(automations);
        executions = List.copyOf(executions);
        effects = List.copyOf(effects);
        hostEvents = List.copyOf(hostEvents);
        billingRequests = Map.copyOf(billingRequests);
    }

    /** Who a member is, for the timelines. */
    record MemberLabel(String id, String name, ZoneId zone) {
        MemberLabel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(zone, "zone");
        }
    }
}
