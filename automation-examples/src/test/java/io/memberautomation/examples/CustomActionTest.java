package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.member.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's custom action handler: registered on the builder, it runs, and a bad param is refused at save. */
class CustomActionTest {

    private record Credit(String memberId, int points, String idempotencyKey) {}

    private final List<Credit> credits = new ArrayList<>();
    private final InMemoryMemberDirectory members = new InMemoryMemberDirectory();

    private AutomationEngine engine() {
        return AutomationEngine.builder()
                .members(members)
                .actionHandler(new AwardPoints((member, points, key) -> credits.add(new Credit(member, points, key))))
                .build();
    }

    private static String automation(String points) {
        return """
            { "id": "joining-bonus", "name": "Joining bonus", "status": "active",
              "trigger": { "type": "member_created" },
              "steps": [ { "id": "bonus", "type": "action",
                           "action": { "type": "award_points", "params": { "points": %s } } } ] }
            """.formatted(points);
    }

    @Test
    void awardPoints_whenAMemberJoins_creditsThePointsOnceWithTheStepsKey() {
        try (AutomationEngine engine = engine()) {
            engine.save(automation("50"));
            engine.memberChanged(members.put(new Member("m-1", "default", Map.of())), Optional.of("signup-m-1"));
            engine.runDue();
        }

        assertThat(credits).singleElement().satisfies(credit -> {
            assertThat(credit.memberId()).isEqualTo("m-1");
            assertThat(credit.points()).isEqualTo(50);
            assertThat(credit.idempotencyKey()).contains(":bonus:");
        });
    }

    @Test
    void awardPoints_whenPointsAreNotANumber_isRefusedAtSave() {
        try (AutomationEngine engine = engine()) {
            assertThatThrownBy(() -> engine.save(automation("\"many\"")))
                    .isInstanceOf(AutomationException.class)
                    .hasMessageContaining("points");
        }
    }

    @Test
    void readme_whenRead_carriesTheHandlerVerbatim() {
        Readme.Block shown = Readme.block("snippet: custom-action");

        assertThat(shown.language()).isEqualTo("java");
        assertThat(shown.content()).isEqualTo(Readme.region("AwardPoints.java", "custom-action"));
    }
}
