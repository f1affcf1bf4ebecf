package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.RenderData;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.member.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the channel handlers share: failures from delivery exceptions and the data templates see. */
final class Results {
    private Results() {}

    static ActionResult.Failure fromDelivery(DeliveryException e, Map<String, Object> output) {
        return new ActionResult.Failure(String.valueOf(e.getMessage()), e.retryable(), e.retryNotBefore(), output);
    }

    /** Member fields and id, the event, {@code organization.id}, and the {@code data} param at the top level. */
    static RenderData renderData(ActionContext context, Member member) {
        RenderData.Builder data = RenderData.builder()
                .member(member)
                .event(context.event())
                .organization(Map.of("id", context.organizationId()));
        Params.object(context.params(), "data").ifPresent(extra -> {
            Map<String, Object> values = new LinkedHashMap<>();
            extra.forEach((key, value) -> values.put(String.valueOf(key), value));
            data.data(values);
        });
        return data.build();
    }
}
