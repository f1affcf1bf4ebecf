package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ValidationProblem;

import java.util.List;
import java.util.Map;

/** {@code wait}: the params are a delay, checked by the same reader as a delay step. */
final class WaitParams {
    private WaitParams() {}

    static List<ParamProblem> validate(Map<String, Object> params) {
        Problems problems = new Problems();
        DelayReader.read(Json.toNode(params), JsonPath.ROOT, problems, "wait params");
        return problems.all().stream().filter(ValidationProblem::isError).map(WaitParams::toParamProblem).toList();
    }

    private static ParamProblem toParamProblem(ValidationProblem problem) {
        String relative = problem.path().substring(1);
        return new ParamProblem(relative.startsWith(".") ? relative.substring(1) : relative, problem.code(),
                problem.message());
    }
}
