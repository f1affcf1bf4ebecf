package io.memberautomation.core.tck;

import io.memberautomation.spi.InfrastructureException;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A non-external custom action ({@code crm_sync}) that fails with an infrastructure error on its next
 * {@link #failNext(int)} calls and succeeds afterwards: a pass that fails after its member actions ran.
 */
public final class OutageHandler implements ActionHandler {
    /**
     * An automation that adds the tag {@code vip}, sets {@code member.plan} to {@code gold}, then calls this
     * handler: the pass fails after its member actions whenever an outage is pending.
     */
    public static final String UPGRADE_THEN_SYNC = """
            { "id": "upgrade", "name": "Upgrade",
              "trigger": { "type": "payment_succeeded" },
              "steps": [
                { "id": "tag", "type": "action", "action": { "type": "add_tag", "params": { "tag": "vip" } },
                  "nextSteps": ["plan"] },
                { "id": "plan", "type": "action",
                  "action": { "type": "update_field", "params": { "field": "member.plan", "value": "gold" } },
                  "nextSteps": ["sync"] },
                { "id": "sync", "type": "action", "action": { "type": "crm_sync" } }
              ] }
            """;

    private final AtomicInteger outages = new AtomicInteger();

    /** The next {@code calls} calls throw {@link InfrastructureException}. */
    public void failNext(int calls) {
        outages.set(calls);
    }

    @Override
    public String type() {
        return "crm_sync";
    }

    @Override
    public boolean external() {
        return false;
    }

    @Override
    public ActionResult execute(ActionContext context) {
        if (outages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InfrastructureException("the CRM is down");
        }
        return ActionResult.success();
    }
}
