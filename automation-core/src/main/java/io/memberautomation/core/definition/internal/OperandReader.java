package io.memberautomation.core.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Operand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a condition value: a JSON literal, an array of operands, {@code {field}} or {@code {relative}}. */
final class OperandReader {

    private final ReadContext context;

    OperandReader(ReadContext context) {
        this.context = context;
    }

    Optional<Operand> read(JsonNode node, JsonPath at, boolean inList) {
        Problems problems = context.problems;
        if (node.isTextual()) {
            return Optional.of(new Operand.Literal(node.textValue()));
        }
        if (node.isNumber()) {
            return Optional.of(new Operand.Literal(node.decimalValue()));
        }
        if (node.isBoolean()) {
            return Optional.of(new Operand.Literal(node.booleanValue()));
        }
        if (node.isArray()) {
            if (inList) {
                problems.error(at, ProblemCode.INVALID_VALUE, "a list of values cannot hold another list");
                return Optional.empty();
            }
            return list(node, at);
        }
        if (node.isObject()) {
            return reference(node, at);
        }
        Values.wrongType(node, at, problems, "a value");
        return Optional.empty();
    }

    private Optional<Operand> list(JsonNode node, JsonPath at) {
        int before = context.problems.errorCount();
        List<Operand> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            read(node.get(i), at.index(i), true).ifPresent(elements::add);
        }
        return Models.build(context.problems, at, before, () -> new Operand.Literal(elements));
    }

    private Optional<Operand> reference(JsonNode node, JsonPath at) {
        Problems problems = context.problems;
        int before = problems.errorCount();
        Optional<Fields> opened = Fields.open(node, at, problems, "a value reference", List.of("field", "relative"));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        if (fields.has("field") == fields.has("relative")) {
            if (problems.errorCount() == before) {
                problems.error(at, ProblemCode.INVALID_VALUE,
                        "an object value is { \"field\": path } or { \"relative\": duration }");
            }
            return Optional.empty();
        }
        if (fields.has("field")) {
            Optional<FieldPath> path = fields.required("field", Values::fieldPath);
            path.filter(p -> p.root() == FieldPath.Root.STEPS)
                    .ifPresent(p -> context.referToStepOutput(p.head(), fields.at("field")));
            return Models.build(problems, at, before, () -> new Operand.FieldRef(path.orElseThrow()));
        }
        Optional<IsoDuration> offset = fields.requiredDuration("relative", true);
        return Models.build(problems, at, before, () -> new Operand.Relative(offset.orElseThrow()));
    }
}
