package io.memberautomation.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import io.memberautomation.spi.store.ExecutionQuery;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two organizations on one engine: nothing of one reaches or changes anything of the other. */
class TenantIsolationTest {
    private static String automation(String org, String tag) {
        return """
                { "id": "welcome", "organizationId": "%s", "name": "Welcome", "status": "active",
                  "enrollment": { "policy": "every_time" }, "trigger": { "type": "payment_succeeded" },
                  "steps": [ { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "%s" } } } ] }
                """.formatted(org, tag);
    }

    @Test
    void twoOrganizations_withTheSameIds_neverSeeOrChangeEachOther() {
        Segment vipsOfA = new Segment("org-a", "vip", "VIPs", Optional.of(ConditionGroup.and(
                Condition.of("member.tier", Operator.EQ, Operand.Literal.of("gold")))));
        try (EngineFixture f = new EngineFixture(b -> b.segment(vipsOfA))) {
            f.members.put(new Member("m-1", "org-a", Map.of("tier", "silver")));
            f.members.put(new Member("m-1", "org-b", Map.of("tier", "silver")));
            f.engine.save(automation("org-a", "from-a"));
            f.engine.save(automation("org-b", "from-b"));
            f.engine.save("""
                    { "id": "vip-join", "organizationId": "org-b", "name": "VIP join", "status": "active",
                      "trigger": { "type": "member_joined_segment", "segmentId": "vip" },
                      "steps": [ { "id": "t", "type": "action", "action": { "type": "add_tag", "params": { "tag": "vip-b" } } } ] }
                    """);

            f.engine.publish(TriggerEvent.of("evt-1", "org-a", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            f.engine.runDue();
            assertThat(f.members.find("org-a", "m-1").orElseThrow().tags()).containsExactly("from-a");
            assertThat(f.members.find("org-b", "m-1").orElseThrow().tags()).isEmpty();
            assertThat(f.engine.executions(ExecutionQuery.all("org-b", 10)).executions()).isEmpty();

            // the same event id is another event in another organization
            f.engine.publish(TriggerEvent.of("evt-1", "org-b", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            f.engine.runDue();
            assertThat(f.members.find("org-b", "m-1").orElseThrow().tags()).containsExactly("from-b");

            // org-a's dynamic segment never evaluates org-b's members, so org-b's segment trigger stays quiet
            var change = f.members.apply("org-b", "m-1", MemberPatch.setField("tier", "gold"));
            f.engine.memberChanged(change, Optional.of("c-1"));
            f.engine.runDue();
            assertThat(f.members.find("org-b", "m-1").orElseThrow().tags()).doesNotContain("vip-b");

            // pausing org-a's automation leaves org-b's automation of the same id running
            f.engine.pause("org-a", "welcome");
            f.engine.publish(TriggerEvent.of("evt-2", "org-b", TriggerType.PAYMENT_SUCCEEDED, "m-1", Map.of()));
            f.engine.runDue();
            assertThat(f.engine.executions(ExecutionQuery.all("org-b", 10)).executions()).hasSize(2);
            assertThat(f.engine.executions(ExecutionQuery.all("org-a", 10)).executions()).hasSize(1);
            assertThat(f.engine.automation("org-b", "welcome").orElseThrow().status().name()).isEqualTo("ACTIVE");
        }
    }
}
