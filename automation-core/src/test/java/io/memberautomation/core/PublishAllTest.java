package io.memberautomation.core;

import static io.memberautomation.core.EngineFixture.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publishing a batch of events gives what publishing them one by one gives. */
class PublishAllTest {
    private static final String WELCOME = """
            { "id": "welcome", "name": "Welcome", "enrollment": { "policy": "once" },
              "trigger": { "type": "member_created" },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "new" } } } ] }
            """;
    private static final String THANKS = """
            { "id": "thanks", "name": "Thanks", "enrollment": { "policy": "every_time" },
              "trigger": { "type": "payment_succeeded" },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "paid" } } } ] }
            """;

    private static final List<TriggerEvent> EVENTS = List.of(
            event("e1", TriggerType.MEMBER_CREATED, "m-1"),
            event("e2", TriggerType.PAYMENT_SUCCEEDED, "m-1"),
            event("e1", TriggerType.MEMBER_CREATED, "m-1"),
            event("e3", TriggerType.MEMBER_CREATED, "m-1"),
            event("e4", TriggerType.MEMBER_CREATED, "m-2"),
            event("e5", TriggerType.PAYMENT_SUCCEEDED, "m-2"),
            event("e6", TriggerType.PAYMENT_SUCCEEDED, "m-unknown"),
            event("e5", TriggerType.PAYMENT_SUCCEEDED, "m-2"));

    private static TriggerEvent event(String id, TriggerType type, String memberId) {
        return TriggerEvent.of(id, ORG, type, memberId, Map.of());
    }

    private static EngineFixture fixture() {
        EngineFixture fixture = new EngineFixture();
        fixture.member("m-1", Map.of("first_name", "Ada"));
        fixture.member("m-2", Map.of("first_name", "Bo"));
        fixture.activate(WELCOME);
        fixture.activate(THANKS);
        return fixture;
    }

    private static List<String> enrolled(EngineFixture fixture) {
        return fixture.executions().stream()
                .map(e -> e.id() + ":" + e.automationId() + ":" + e.memberId().orElse("-") + ":" + e.status())
                .sorted().toList();
    }

    @Test
    void publishAll_ofSeveralEvents_enrollsWhatOnePublishEachEnrolls() {
        List<EnrollmentResult> oneByOne = new ArrayList<>();
        List<String> sequential;
        try (EngineFixture fixture = fixture()) {
            EVENTS.forEach(event -> oneByOne.add(fixture.engine.publish(event)));
            fixture.engine.runDue();
            sequential = enrolled(fixture);
        }

        try (EngineFixture fixture = fixture()) {
            List<EnrollmentResult> batched = fixture.engine.publishAll(EVENTS);
            fixture.engine.runDue();

            assertThat(batched).isEqualTo(oneByOne);
            assertThat(enrolled(fixture)).isEqualTo(sequential);
        }
    }

    @Test
    void publishAll_withDuplicatesAndOncePolicy_keepsOrderAndEnrollsEachAdmittedEventOnce() {
        try (EngineFixture fixture = fixture()) {
            List<EnrollmentResult> results = fixture.engine.publishAll(EVENTS);

            assertThat(results).extracting(EnrollmentResult::duplicateEvent)
                    .containsExactly(false, false, true, false, false, false, false, true);
            assertThat(results).extracting(r -> r.created().size()).containsExactly(1, 1, 0, 0, 1, 1, 0, 0);
            assertThat(results.get(3).refused()).hasSize(1);
            assertThat(fixture.executions()).extracting(ExecutionRecord::automationId)
                    .containsExactlyInAnyOrder("welcome", "thanks", "welcome", "thanks");
        }
    }

    @Test
    void publishAll_withAManualEvent_publishesNothing() {
        try (EngineFixture fixture = fixture()) {
            List<TriggerEvent> events = List.of(event("e1", TriggerType.MEMBER_CREATED, "m-1"),
                    event("e2", TriggerType.MANUAL, "m-1"));

            assertThatThrownBy(() -> fixture.engine.publishAll(events)).isInstanceOf(AutomationException.class);
            assertThat(fixture.executions()).isEmpty();
        }
    }
}
