package io.memberautomation.examples;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import java.util.List;
import java.util.Map;

// readme:custom-action:begin
/** {@code award_points}: credits loyalty points in the host's ledger, which ignores a key it has seen. */
public final class AwardPoints implements ActionHandler {
    private final PointsLedger ledger;

    public AwardPoints(PointsLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String type() {
        return "award_points";
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {   // runs when an automation is saved
        return params.get("points") instanceof Number ? List.of()
                : List.of(new ParamProblem("points", "required: a number"));
    }

    @Override
    public ActionResult execute(ActionContext context) {                    // runs at least once per step
        if (context.member().isEmpty()) {
            return ActionResult.permanentFailure("award_points needs a member");
        }
        int points = ((Number) context.params().get("points")).intValue();
        ledger.credit(context.member().get().id(), points, context.idempotencyKey());
        return ActionResult.success(Map.of("points", points));             // later steps read steps.<id>.output.points
    }

    /** The host's own service. */
    public interface PointsLedger {
        void credit(String memberId, int points, String idempotencyKey);
    }
}
// readme:custom-action:end
