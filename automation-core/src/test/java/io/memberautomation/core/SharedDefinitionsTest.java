package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two engines on one store, as two nodes on one database: each sees what the other saved and changed. */
class SharedDefinitionsTest {
    private static final String WELCOME = """
            { "id": "welcome", "name": "Welcome", "trigger": { "type": "member_created" },
              "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "new" } } } ] }
            """;

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-05T08:00:00Z"));
    private final InMemoryPersistence persistence = new InMemoryPersistence();
    private final InMemoryMemberDirectory members = new InMemoryMemberDirectory();
    private final AutomationEngine nodeA = node();
    private final AutomationEngine nodeB = node();
    private int events;

    private AutomationEngine node() {
        return AutomationEngine.builder().clock(clock).persistence(persistence).members(members)
                .definitionRefresh(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void activation_onOneNode_routesOnTheOtherAfterItsRefreshInterval() {
        nodeA.save(WELCOME);
        nodeA.activate("default", "welcome");

        assertThat(publishOn(nodeB, "m-1").created()).as("before B's refresh").isEmpty();

        clock.advance(Duration.ofSeconds(5));
        nodeB.runDue();

        assertThat(publishOn(nodeB, "m-2").created()).hasSize(1);
    }

    @Test
    void pause_onOneNode_stopsEnrollmentOnTheOtherAfterItsRefreshInterval() {
        nodeA.save(WELCOME);
        nodeA.activate("default", "welcome");
        clock.advance(Duration.ofSeconds(5));
        nodeB.runDue();
        assertThat(publishOn(nodeB, "m-1").created()).hasSize(1);

        nodeA.pause("default", "welcome");
        clock.advance(Duration.ofSeconds(5));
        nodeB.runDue();

        assertThat(publishOn(nodeB, "m-2").created()).isEmpty();
    }

    @Test
    void newVersion_savedOnOneNode_isWhatTheOtherEnrollsAfterRefresh() {
        nodeA.save(WELCOME);
        nodeA.activate("default", "welcome");
        nodeA.save(WELCOME.replace("\"new\"", "\"newer\""));
        clock.advance(Duration.ofSeconds(5));
        nodeB.runDue();

        String id = publishOn(nodeB, "m-1").created().get(0);

        assertThat(nodeB.execution(id).orElseThrow().automationVersion()).isEqualTo(2);
    }

    @Test
    void execution_ofAnAutomationTheOtherNodeHasNotSeenYet_runsThereInsteadOfBeingCancelled() {
        nodeA.save(WELCOME);
        nodeA.activate("default", "welcome");
        String id = publishOn(nodeA, "m-1").created().get(0);

        nodeB.runDue();

        assertThat(nodeB.execution(id).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(members.find("default", "m-1").orElseThrow().tags()).contains("new");
    }

    @Test
    void definitionRefresh_whenNotPositive_isRefused() {
        assertThatThrownBy(() -> AutomationEngine.builder().definitionRefresh(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("definition refresh interval must be positive");
    }

    private io.memberautomation.spi.store.EnrollmentResult publishOn(AutomationEngine node, String memberId) {
        members.put(new Member(memberId, "default", Map.of("status", "active")));
        return node.publish(TriggerEvent.of("e-" + ++events, "default", TriggerType.MEMBER_CREATED, memberId, Map.of()));
    }
}
