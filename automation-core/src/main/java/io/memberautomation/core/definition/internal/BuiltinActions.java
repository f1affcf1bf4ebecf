package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ActionParamsValidator;
import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ProblemCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The params rules of the built-in action types (workflow-format.md, "Action"). */
final class BuiltinActions {
    private BuiltinActions() {}

    private static final Map<String, ActionParamsValidator> VALIDATORS = create();

    static Map<String, ActionParamsValidator> validators() {
        return VALIDATORS;
    }

    private static Map<String, ActionParamsValidator> create() {
        Map<String, ActionParamsValidator> all = new LinkedHashMap<>();
        all.put("send_email", BuiltinActions::sendEmail);
        all.put("send_sms", BuiltinActions::sendSms);
        all.put("add_tag", params -> tag("add_tag", params));
        all.put("remove_tag", params -> tag("remove_tag", params));
        all.put("update_field", UpdateFieldParams::validate);
        all.put("add_to_segment", params -> segment("add_to_segment", params));
        all.put("remove_from_segment", params -> segment("remove_from_segment", params));
        all.put(ActionTypes.WAIT, WaitParams::validate);
        all.put("webhook", WebhookParams::validate);
        all.put("create_task", BuiltinActions::createTask);
        all.put("notify_admin", BuiltinActions::notifyAdmin);
        return Map.copyOf(all);
    }

    private static List<ParamProblem> sendEmail(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("send_email", params, List.of("templateId", "subject", "data",
                WHEN_CAPPED));
        check.requiredText("templateId");
        check.optionalText("subject");
        check.optionalObject("data");
        whenCapped(check);
        return check.problems();
    }

    private static List<ParamProblem> sendSms(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("send_sms", params, List.of("body", "templateId", WHEN_CAPPED));
        whenCapped(check);
        if (check.has("body") == check.has("templateId")) {
            check.add(new ParamProblem("", check.has("body") ? ProblemCode.INVALID_PARAM : ProblemCode.MISSING_PARAM,
                    "send_sms needs exactly one of \"body\" and \"templateId\""));
        }
        check.optionalText("body");
        check.optionalText("templateId");
        return check.problems();
    }

    /** What a send held back by a frequency cap does: {@code skip} (the default) or {@code defer}. */
    static final String WHEN_CAPPED = "whenCapped";

    private static void whenCapped(ParamChecker check) {
        check.optionalText(WHEN_CAPPED).filter(v -> !v.equals("skip") && !v.equals("defer"))
                .ifPresent(v -> check.invalid(WHEN_CAPPED, "expected \"skip\" or \"defer\", got " + Values.quote(v)));
    }

    private static List<ParamProblem> tag(String type, Map<String, Object> params) {
        ParamChecker check = new ParamChecker(type, params, List.of("tag"));
        check.requiredText("tag");
        return check.problems();
    }

    private static List<ParamProblem> segment(String type, Map<String, Object> params) {
        ParamChecker check = new ParamChecker(type, params, List.of("segmentId"));
        check.requiredText("segmentId");
        return check.problems();
    }

    private static List<ParamProblem> createTask(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("create_task", params,
                List.of("title", "description", "assignee", "dueIn"));
        check.requiredText("title");
        check.optionalText("description");
        check.optionalText("assignee");
        check.optionalDuration("dueIn");
        return check.problems();
    }

    private static List<ParamProblem> notifyAdmin(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("notify_admin", params, List.of("message", "channel"));
        check.requiredText("message");
        check.optionalText("channel");
        return check.problems();
    }
}
