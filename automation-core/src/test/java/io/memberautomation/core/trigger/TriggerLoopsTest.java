package io.memberautomation.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerLoopsTest {
    private static final AutomationDefinitions DEFINITIONS = AutomationDefinitions.standard();

    private static Automation automation(String id, String trigger, String action) {
        return DEFINITIONS.read("""
                { "id": "%s", "name": "%s", "trigger": %s,
                  "steps": [ { "id": "act", "type": "action", "action": %s } ] }
                """.formatted(id, id, trigger, action));
    }

    @Test
    void warnings_whenAutomationUpdatesTheFieldItsTriggerWatches_spellsOutTheSelfLoop() {
        Automation echo = automation("echo", "{ \"type\": \"member_updated\", \"fields\": [\"status\"] }",
                "{ \"type\": \"update_field\", \"params\": { \"field\": \"member.status\", \"value\": \"x\" } }");

        List<ValidationProblem> warnings = new TriggerLoops(List.of()).warnings(echo, "org", List.of());

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ProblemCode.TRIGGER_LOOP);
            assertThat(w.severity()).isEqualTo(ValidationProblem.Severity.WARNING);
            assertThat(w.path()).isEqualTo("$.steps[0].action");
            assertThat(w.message()).contains("echo step act (update_field member.status) raises member_updated,"
                    + " which enrolls echo");
        });
    }

    @Test
    void warnings_whenTwoAutomationsTriggerEachOther_namesTheWholeCycle() {
        Automation a = automation("a", "{ \"type\": \"member_status_changed\" }",
                "{ \"type\": \"add_tag\", \"params\": { \"tag\": \"t\" } }");
        Automation b = automation("b", "{ \"type\": \"member_updated\", \"fields\": [\"tags\"] }",
                "{ \"type\": \"update_field\", \"params\": { \"field\": \"member.status\", \"value\": \"x\" } }");

        List<ValidationProblem> warnings = new TriggerLoops(List.of()).warnings(a, "org", List.of(b));

        assertThat(warnings).singleElement().extracting(ValidationProblem::message).asString()
                .contains("a step act (add_tag member.tags) raises member_updated, which enrolls b")
                .contains("b step act (update_field member.status) raises member_status_changed, which enrolls a");
    }

    @Test
    void warnings_whenFieldsFilterDoesNotMatch_reportNothing() {
        Automation a = automation("a", "{ \"type\": \"member_updated\", \"fields\": [\"email\"] }",
                "{ \"type\": \"update_field\", \"params\": { \"field\": \"member.status\", \"value\": \"x\" } }");
        assertThat(new TriggerLoops(List.of()).warnings(a, "org", List.of())).isEmpty();
    }

    @Test
    void warnings_whenTagChangeMovesMemberIntoADynamicSegmentThatEnrollsIt_reportTheLoop() {
        Segment vip = new Segment("org", "vip", "VIPs", Optional.of(ConditionGroup.and(
                new Condition(io.memberautomation.core.model.FieldPath.parse("member.tags"), Operator.HAS_TAG,
                        Optional.of(Operand.Literal.of("vip")), false))));
        Automation a = automation("a", "{ \"type\": \"member_joined_segment\", \"segmentId\": \"vip\" }",
                "{ \"type\": \"remove_tag\", \"params\": { \"tag\": \"vip\" } }");

        assertThat(new TriggerLoops(List.of(vip)).warnings(a, "org", List.of())).singleElement()
                .extracting(ValidationProblem::message).asString().contains("raises member_joined_segment");
    }
}
