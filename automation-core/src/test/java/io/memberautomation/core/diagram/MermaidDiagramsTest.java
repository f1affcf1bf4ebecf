package io.memberautomation.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.model.Automation;
import org.junit.jupiter.api.Test;

class MermaidDiagramsTest {
    private static final Automation DUNNING = AutomationDefinitions.standard().read("""
            { "id": "dunning", "name": "Dunning", "trigger": { "type": "payment_failed" },
              "steps": [
                { "id": "check-vip", "type": "condition", "nextSteps": ["notify", "task"], "elseSteps": [],
                  "condition": { "operator": "and", "conditions": [
                    { "field": "member.status", "op": "eq", "value": "active" },
                    { "operator": "or", "conditions": [
                      { "field": "member.tier", "op": "in", "value": ["gold", "platinum"] },
                      { "field": "member.lifetime_value", "op": "gt", "value": 500 } ] } ] } },
                { "id": "notify", "type": "action", "nextSteps": ["wait"],
                  "action": { "type": "webhook", "onError": "retry", "retryCount": 3, "params": { "url": "https://crm.example.org/hook" } } },
                { "id": "task", "type": "action", "action": { "type": "create_task", "params": { "title": "Call \\"{{member.first_name}}\\"" } } },
                { "id": "wait", "type": "delay", "delay": { "duration": "P3D", "at": "09:00" }, "nextSteps": ["mail", "tag"] },
                { "id": "mail", "type": "action", "action": { "type": "send_email", "params": { "templateId": "payment-failed" } } },
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "dunned" } } } ] }
            """);

    @Test
    void flowchart_whenConditionHasYesAndNo_drawsADecisionWithLabelledEdges() {
        String chart = MermaidDiagrams.flowchart(DUNNING);
        assertThat(chart).startsWith("flowchart TD\n")
                .contains("  trigger([\"payment_failed\"])\n  trigger --> s0\n")
                .contains("s0{\"check-vip: status eq active AND (tier in [gold, platinum] OR lifetime_value gt 500)\"}")
                .contains("  s0 -- yes --> s1\n  s0 -- yes --> s2\n  s0 -- no --> done\n");
    }

    @Test
    void flowchart_whenStepsDelayAndFork_labelsTheWaitAndNumbersTheBranches() {
        String chart = MermaidDiagrams.flowchart(DUNNING);
        assertThat(chart).contains("s3[/\"wait: wait P3D at 09:00\"/]")
                .contains("  s3 -- \"branch 1\" --> s4\n  s3 -- \"branch 2\" --> s5\n")
                .contains("s1[\"notify: webhook POST https://crm.example.org/hook (retry x3)\"]")
                .contains("  s4 --> done\n  ").contains("  done((end))\n");
    }

    @Test
    void flowchart_whenLabelsHoldQuotes_escapesThemForMermaid() {
        assertThat(MermaidDiagrams.flowchart(DUNNING)).contains("create_task Call #quot;{{member.first_name}}#quot;")
                .doesNotContain("Call \"");
    }
}
