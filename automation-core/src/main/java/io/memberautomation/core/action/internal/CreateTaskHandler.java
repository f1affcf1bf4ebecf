package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.StaffTask;
import io.memberautomation.spi.delivery.TaskSink;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code create_task}: a task for the organization's staff, due {@code dueIn} after the attempt. */
final class CreateTaskHandler implements ActionHandler {
    private final TaskSink sink;

    CreateTaskHandler(TaskSink sink) {
        this.sink = sink;
    }

    @Override
    public String type() {
        return BuiltInActions.CREATE_TASK;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>();
        if (!params.containsKey("title")) {
            problems.add(new ParamProblem("title", "create_task needs a title"));
        }
        Params.text(params, "dueIn").filter(due -> !due.contains("{{")).ifPresent(due -> {
            try {
                IsoDuration.parse(due);
            } catch (IllegalArgumentException e) {
                problems.add(new ParamProblem("dueIn", e.getMessage()));
            }
        });
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Map<String, Object> params = context.params();
        Optional<String> title = Params.text(params, "title");
        if (title.isEmpty()) {
            return ActionResult.permanentFailure("create_task needs a title param");
        }
        Optional<Instant> dueAt;
        try {
            dueAt = Params.text(params, "dueIn").map(IsoDuration::parse).map(due -> due.addTo(
                    context.now().atZone(zone(context.member()))).toInstant());
        } catch (IllegalArgumentException e) {
            return ActionResult.permanentFailure("create_task dueIn: " + e.getMessage());
        }
        StaffTask task = new StaffTask(context.organizationId(), context.member().map(Member::id), title.get(),
                Params.text(params, "description"), Params.text(params, "assignee"), dueAt,
                context.idempotencyKey());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("title", task.title());
        task.assignee().ifPresent(assignee -> output.put("assignee", assignee));
        task.dueAt().ifPresent(due -> output.put("dueAt", due.toString()));
        try {
            sink.create(task);
            return ActionResult.success(output);
        } catch (DeliveryException e) {
            return Results.fromDelivery(e, output);
        }
    }

    private static ZoneId zone(Optional<Member> member) {
        return member.flatMap(Member::timezone).orElse(ZoneOffset.UTC);
    }
}
