package io.memberautomation.core;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import java.util.List;
import java.util.Map;

/** A custom action found through META-INF/services in the test class path. */
public final class DiscoveredBadgeHandler implements ActionHandler {
    @Override
    public String type() {
        return "test_badge";
    }

    @Override
    public boolean external() {
        return false;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        return params.get("badge") instanceof String ? List.of() : List.of(new ParamProblem("badge", "badge is required"));
    }

    @Override
    public ActionResult execute(ActionContext context) {
        return ActionResult.success(Map.of("badge", context.params().get("badge")));
    }
}
