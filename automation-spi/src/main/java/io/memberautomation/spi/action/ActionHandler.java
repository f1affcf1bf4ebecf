package io.memberautomation.spi.action;

import java.util.List;
import java.util.Map;

/**
 * A custom action type. Register it on the engine builder (or opt in to {@code ServiceLoader} discovery);
 * an automation that names an unregistered type is refused when saved, never at run time.
 *
 * <p>Implementations must be thread-safe and should be idempotent on {@link ActionContext#idempotencyKey()}:
 * a step runs at least once, so a crash after the handler's effect but before the engine recorded it
 * means the handler is called again with the same key.
 */
public interface ActionHandler {

    /** The action type this handler serves, such as {@code award_badge}. */
    String type();

    /**
     * Whether the handler reaches outside the engine's store (email, HTTP, another system). The engine
     * makes the record of everything before an external step durable before it calls the handler.
     */
    default boolean external() {
        return true;
    }

    /** Checks the params when an automation is saved; an empty list means they are fine. */
    default List<ParamProblem> validateParams(Map<String, Object> params) {
        return List.of();
    }

    /** Runs one attempt. */
    ActionResult execute(ActionContext context);
}
