package io.memberautomation.benchmarks;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;

/**
 * The workflows the engine benchmarks run, shared so that the in-memory and the durable figures measure the
 * same definition.
 */
public final class BenchWorkflows {
    /** The organization every benchmark workflow and member belongs to. */
    public static final String ORG = "bench";
    /** The id of {@link #FIVE_STEPS}. */
    public static final String FIVE_STEPS_ID = "five-steps";
    /** The id of {@link #DELAYED}. */
    public static final String DELAYED_ID = "delayed";

    /**
     * Five steps on {@code payment_succeeded}, enrolling every time: a condition ({@code member.status eq
     * "active"}), three {@code bench_noop} actions, then the end of the branch. Members must be active.
     */
    public static final String FIVE_STEPS = """
            { "id": "five-steps", "organizationId": "bench", "name": "Five steps",
              "trigger": { "type": "payment_succeeded" },
              "enrollment": { "policy": "every_time" },
              "steps": [
                { "id": "active", "type": "condition",
                  "condition": { "conditions": [ { "field": "member.status", "op": "eq", "value": "active" } ] },
                  "nextSteps": ["first"] },
                { "id": "first", "type": "action", "action": { "type": "bench_noop" }, "nextSteps": ["second"] },
                { "id": "second", "type": "action", "action": { "type": "bench_noop" }, "nextSteps": ["third"] },
                { "id": "third", "type": "action", "action": { "type": "bench_noop" } }
              ] }
            """;

    /**
     * A long wait on {@code payment_failed} (not the trigger of {@link #FIVE_STEPS}, so both can be active),
     * enrolling every time: a 30-day delay, then one {@code bench_noop} action. An enrolled execution waits on
     * one timer until the clock passes 30 days.
     */
    public static final String DELAYED = """
            { "id": "delayed", "organizationId": "bench", "name": "Thirty days, then one action",
              "trigger": { "type": "payment_failed" },
              "enrollment": { "policy": "every_time" },
              "steps": [
                { "id": "wait", "type": "delay", "delay": { "duration": "P30D" }, "nextSteps": ["after"] },
                { "id": "after", "type": "action", "action": { "type": "bench_noop" } }
              ] }
            """;

    private BenchWorkflows() {}

    /** A custom action that does nothing, in-process: the engine's own cost is all that is measured. */
    public static final class NoOpHandler implements ActionHandler {
        @Override
        public String type() {
            return "bench_noop";
        }

        @Override
        public boolean external() {
            return false;
        }

        @Override
        public ActionResult execute(ActionContext context) {
            return ActionResult.success();
        }
    }
}
