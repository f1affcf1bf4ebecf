package io.memberautomation.examples.simulate;

import io.memberautomation.core.policy.SendPolicy;
import io.memberautomation.core.trigger.Segment;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A valid scenario, ready to run: everything scenario-format.md describes, checked and converted to the
 * engine's types. The timeline is in the order it is applied: by time, file order within a time.
 */
record Scenario(String organizationId, ZoneId timezone, SendPolicy sendPolicy, Instant start, Instant until,
                List<AutomationDocument> automations, List<Segment> segments, List<Template> templates,
                List<Member> members, Map<String, List<WebhookResponse>> webhooks, List<TimelineEntry> timeline,
                List<String> warnings) {

    Scenario {
        automations = List.copyOf(automations);
        segments = List.copyOf(segments);
        templates = List.copyOf(templates);
        members = List.copyOf(members);
        webhooks = Map.copyOf(webhooks);
        timeline = List.copyOf(timeline);
        warnings = List.copyOf(warnings);
    }

    /**
     * An automation document as the scenario holds it.
     *
     * @param path   where it is in the scenario, for warnings
     * @param json   its text, for {@code engine.save}
     * @param id     its automation id
     * @param active whether its status is {@code active}
     */
    record AutomationDocument(String path, String json, String id, boolean active) {}
}
