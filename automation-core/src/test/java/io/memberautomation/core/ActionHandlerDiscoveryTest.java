package io.memberautomation.core;

import static io.memberautomation.core.InterpreterTest.handler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.store.ExecutionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom actions: explicit registration, opt-in ServiceLoader discovery, and loud conflicts. */
class ActionHandlerDiscoveryTest {
    private static final String BADGE = """
            { "id": "badges", "name": "Badges", "trigger": { "type": "event_attended" },
              "steps": [ { "id": "award", "type": "action", "action": { "type": "test_badge", "params": { "badge": "%s" } } } ] }
            """;

    @Test
    void discovery_whenNotOptedIn_leavesTheTypeUnknownAtSave() {
        try (EngineFixture f = new EngineFixture()) {
            assertThatThrownBy(() -> f.engine.save(BADGE.formatted("first"))).isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("unknown_action_type");
        }
    }

    @Test
    void discovery_whenOptedIn_registersTheHandlerAndItsParamValidation() {
        try (EngineFixture f = new EngineFixture(AutomationEngineBuilder::discoverActionHandlers)) {
            f.member("m-1", Map.of());
            f.activate(BADGE.formatted("first-event"));
            f.publish("e-1", TriggerType.EVENT_ATTENDED, "m-1", Map.of());
            assertThat(f.only().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(f.only().stepOutputs()).containsEntry("award", Map.of("badge", "first-event"));

            assertThatThrownBy(() -> f.engine.save(BADGE.replace("\"badge\": \"%s\"", "\"other\": 1")))
                    .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("badge is required");
        }
    }

    @Test
    void discovery_whenABuilderHandlerClaimsTheSameType_failsNamingBoth() {
        assertThatThrownBy(() -> new EngineFixture(b -> b.discoverActionHandlers(),
                handler("test_badge", ctx -> ActionResult.success())))
                .isInstanceOf(AutomationException.class)
                .hasMessageContaining("two action handlers for type \"test_badge\"")
                .hasMessageContaining("DiscoveredBadgeHandler");
    }

    @Test
    void registration_whenAHandlerClaimsABuiltInType_isRefused() {
        assertThatThrownBy(() -> new EngineFixture(handler("add_tag", ctx -> ActionResult.success())))
                .isInstanceOf(AutomationException.class).hasMessageContaining("built-in action type \"add_tag\"");
        assertThatThrownBy(() -> new EngineFixture(handler("send_email", ctx -> ActionResult.success())))
                .isInstanceOf(AutomationException.class).hasMessageContaining("send_email");
    }
}
