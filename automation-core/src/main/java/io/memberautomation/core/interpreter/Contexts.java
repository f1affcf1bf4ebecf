package io.memberautomation.core.interpreter;

import io.memberautomation.core.condition.EvaluationContext;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the condition evaluation context of a trigger or a step. */
public final class Contexts {
    private Contexts() {}

    /** A member's fields as conditions see them under {@code member.*}, its id included. */
    public static Map<String, Object> memberData(Member member) {
        Map<String, Object> data = new HashMap<>(member.fields().size() + 2);
        data.putAll(member.fields());
        data.put("id", member.id());
        return data;
    }

    public static EvaluationContext evaluation(Optional<Member> member, Map<String, Object> event,
                                               Map<String, Object> organization, Map<String, Object> stepOutputs,
                                               Instant now, ZoneId zone) {
        return evaluation(EvaluationContext.builder().event(event), member, event, organization, stepOutputs, now,
                zone);
    }

    /** The context of a step of an execution, which reads the execution's trigger data in place. */
    public static EvaluationContext evaluation(Optional<Member> member, ExecutionRecord execution,
                                               Map<String, Object> organization, Map<String, Object> stepOutputs,
                                               Instant now, ZoneId zone) {
        return evaluation(EvaluationContext.builder().event(execution), member, execution.trigger(), organization,
                stepOutputs, now, zone);
    }

    private static EvaluationContext evaluation(EvaluationContext.Builder builder, Optional<Member> member,
                                                Map<String, Object> event, Map<String, Object> organization,
                                                Map<String, Object> stepOutputs, Instant now, ZoneId zone) {
        builder.organization(organization).now(now).zone(zone);
        member.ifPresent(builder::member);
        if (event.get(TriggerEvent.PREVIOUS) instanceof Map<?, ?> previous) {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) previous;
            builder.previous(fields);
        }
        stepOutputs.forEach(builder::stepOutput);
        return builder.build();
    }
}
