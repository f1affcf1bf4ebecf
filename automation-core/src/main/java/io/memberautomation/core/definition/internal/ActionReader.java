package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberautomation.core.definition.ActionParamsValidator;
import io.memberautomation.core.definition.ParamProblem;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.model.Action;
import io.memberautomation.core.model.OnError;
import io.memberautomation.core.model.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads an action: its type must be known, and its params pass the type's validator. */
final class ActionReader {

    static final List<String> KEYS = List.of("type", "params", "onError", "retryCount", "retry");
    static final List<String> RETRY_KEYS = List.of("initialInterval", "backoffCoefficient", "maxInterval");
    private static final Set<String> TAG_ACTIONS = Set.of("add_tag", "remove_tag");

    private final ReadContext context;
    private final Problems problems;

    ActionReader(ReadContext context) {
        this.context = context;
        this.problems = context.problems;
    }

    Optional<Action> read(JsonNode node, JsonPath at) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "an action", KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> type = fields.requiredText("type");
        Optional<ActionParamsValidator> validator = type.flatMap(t -> validator(t, fields.at("type")));
        int paramsMark = problems.mark();
        Optional<Map<String, Object>> params = fields.has("params")
                ? fields.optional("params").flatMap(json -> params(type.orElse(""), json, fields.at("params")))
                : Optional.of(Map.of());
        if (validator.isPresent() && params.isPresent()) {
            Set<String> nulls = problems.since(paramsMark).stream()
                    .filter(p -> p.code() == ProblemCode.NULL_NOT_ALLOWED)
                    .map(ValidationProblem::path)
                    .collect(Collectors.toSet());
            checkParams(type.orElseThrow(), validator.get(), params.get(), fields.at("params"), nulls);
        }
        OnError onError = fields.optionalEnum("onError", OnError.class).orElse(OnError.STOP);
        int retryCount = fields.optional("retryCount", Values::integer).orElse(Action.DEFAULT_RETRY_COUNT);
        if (retryCount < 0 || retryCount > Action.MAX_RETRY_COUNT) {
            problems.error(fields.at("retryCount"), ProblemCode.INVALID_VALUE,
                    "retryCount must be within 0.." + Action.MAX_RETRY_COUNT + ": " + retryCount);
        }
        Optional<RetryPolicy> retry = fields.optional("retry", this::retry);
        return Models.build(problems, at, before, () -> new Action(type.orElseThrow(), params.orElseThrow(), onError,
                retryCount, retry));
    }

    private Optional<ActionParamsValidator> validator(String type, JsonPath at) {
        Optional<ActionParamsValidator> validator = context.actionTypes.validator(type);
        if (validator.isEmpty()) {
            problems.error(at, ProblemCode.UNKNOWN_ACTION_TYPE, "unknown action type " + Values.quote(type)
                    + "; known types: " + String.join(", ", context.actionTypes.known())
                    + " (the host registers any other type)");
        }
        return validator;
    }

    /** The params as JSON data, with {@code tagId} read as {@code tag}; empty when the node is not an object. */
    private Optional<Map<String, Object>> params(String type, JsonNode json, JsonPath at) {
        if (!json.isObject()) {
            Values.wrongType(json, at, problems, "an object (the action's params)");
            return Optional.empty();
        }
        JsonNode params = json;
        if (TAG_ACTIONS.contains(type) && json.has("tagId")) {
            if (json.has("tag")) {
                problems.error(at.key("tagId"), ProblemCode.INVALID_PARAM,
                        "\"tagId\" is an alias of \"tag\"; give only one of them");
                return Optional.empty();
            }
            params = renamed((ObjectNode) json, "tagId", "tag");
        }
        return Optional.of(Json.objectData(params, at, problems));
    }

    /** A copy with one key renamed in place, so that the written params keep the author's order. */
    private static ObjectNode renamed(ObjectNode json, String from, String to) {
        ObjectNode copy = Json.NODES.objectNode();
        json.properties().forEach(entry -> copy.set(entry.getKey().equals(from) ? to : entry.getKey(),
                entry.getValue()));
        return copy;
    }

    /**
     * Runs the type's validator. A param that was null is already reported, so the validator's view of it
     * (it sees the param as absent, and maybe a required one-of as missing) is dropped rather than
     * reported twice.
     */
    private void checkParams(String type, ActionParamsValidator validator, Map<String, Object> params, JsonPath at,
                             Set<String> nulls) {
        List<ParamProblem> found;
        try {
            found = validator.validate(params);
            if (found == null || found.stream().anyMatch(Objects::isNull)) {
                throw new IllegalStateException("it returned null instead of a list of problems");
            }
        } catch (RuntimeException e) {
            problems.error(at, ProblemCode.INVALID_PARAM, "the params validator of " + Values.quote(type)
                    + " failed: " + e);
            return;
        }
        for (ParamProblem problem : found) {
            JsonPath path = at.append(problem.param());
            boolean underNull = nulls.stream().anyMatch(n -> path.toString().equals(n)
                    || path.toString().startsWith(n + ".") || path.toString().startsWith(n + "["));
            boolean missingBecauseNull = !nulls.isEmpty() && problem.code() == ProblemCode.MISSING_PARAM
                    && problem.param().isEmpty();
            if (!underNull && !missingBecauseNull) {
                problems.error(path, problem.code(), problem.message());
            }
        }
    }

    private Optional<RetryPolicy> retry(JsonNode node, JsonPath at, Problems problems) {
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a retry policy", RETRY_KEYS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Duration initial = fields.optional("initialInterval", ActionReader::interval)
                .orElse(RetryPolicy.DEFAULT_INITIAL_INTERVAL);
        double coefficient = fields.optional("backoffCoefficient", Values::number)
                .map(number -> number.doubleValue())
                .orElse(RetryPolicy.DEFAULT_BACKOFF_COEFFICIENT);
        if (!(coefficient >= 1.0) || Double.isInfinite(coefficient)) {
            problems.error(fields.at("backoffCoefficient"), ProblemCode.INVALID_VALUE,
                    "backoffCoefficient must be a number of at least 1: " + coefficient);
        }
        Duration max = fields.optional("maxInterval", ActionReader::interval).orElse(RetryPolicy.DEFAULT_MAX_INTERVAL);
        if (problems.errorCount() == before && max.compareTo(initial) < 0) {
            problems.error(fields.at(fields.has("maxInterval") ? "maxInterval" : "initialInterval"),
                    ProblemCode.INVALID_VALUE, "maxInterval " + max + " is below initialInterval " + initial);
        }
        return Models.build(problems, at, before, () -> new RetryPolicy(initial, coefficient, max));
    }

    /** A positive fixed length: days count as 24 hours, months and years have no fixed length. */
    private static Optional<Duration> interval(JsonNode node, JsonPath at, Problems problems) {
        return Values.duration(node, at, problems, false).flatMap(duration -> {
            if (duration.datePart().getYears() != 0 || duration.datePart().getMonths() != 0) {
                problems.error(at, ProblemCode.INVALID_DURATION, "a retry interval has a fixed length: use days,"
                        + " hours, minutes or seconds, not months or years");
                return Optional.empty();
            }
            Duration length = Duration.ofDays(duration.datePart().getDays()).plus(duration.timePart());
            if (length.isZero()) {
                problems.error(at, ProblemCode.INVALID_DURATION, "a retry interval must be positive");
                return Optional.empty();
            }
            return Optional.of(length);
        });
    }
}
