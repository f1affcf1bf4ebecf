package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.definition.AutomationDefinitions;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.Step;
import io.memberautomation.core.model.StepType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StoredDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result document of a simulation (scenario-format.md, "Output"): every execution with its step
 * attempts, every effect in time order, and the members as they ended. Keys are written in a fixed order.
 */
final class Report {
    private static final int PAGE = ExecutionQuery.MAX_LIMIT;

    private final AutomationEngine engine;
    private final InMemoryPersistence persistence;
    private final InMemoryMemberDirectory members;
    private final String org;
    private final Map<String, Automation> versions = new HashMap<>();

    Report(AutomationEngine engine, InMemoryPersistence persistence, InMemoryMemberDirectory members, String org) {
        this.engine = engine;
        this.persistence = persistence;
        this.members = members;
        this.org = org;
    }

    ObjectNode build() {
        ArrayNode executions = JsonValues.array();
        List<Effects.Effect> effects = new ArrayList<>();
        for (ExecutionRecord execution : executions()) {
            Automation automation = version(execution.automationId(), execution.automationVersion());
            List<StepLogEntry> history = engine.history(execution.id());
            executions.add(execution(execution, automation, history));
            effects.addAll(Effects.of(execution, automation, history));
        }
        effects.sort(Effects.ORDER);
        ArrayNode effectList = JsonValues.array();
        effects.forEach(effect -> effectList.add(effect.json()));
        ObjectNode report = JsonValues.object();
        report.set("executions", executions);
        report.set("effects", effectList);
        report.set("members", members());
        return report;
    }

    /** Every execution of the organization, by start time then id. */
    private List<ExecutionRecord> executions() {
        List<ExecutionRecord> all = new ArrayList<>();
        ExecutionQuery query = ExecutionQuery.all(org, PAGE);
        while (true) {
            var page = engine.executions(query);
            all.addAll(page.executions());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.withCursor(page.nextCursor().get());
        }
        all.sort(Comparator.comparing(ExecutionRecord::createdAt).thenComparing(ExecutionRecord::id));
        return all;
    }

    private Automation version(String automationId, int version) {
        return versions.computeIfAbsent(automationId + "@" + version, key -> {
            StoredDefinition stored = persistence.definitions().find(org, automationId, version).orElseThrow(() ->
                    new IllegalStateException("automation " + automationId + " version " + version + " is not stored"));
            return AutomationDefinitions.standard().read(stored.json());
        });
    }

    private static ObjectNode execution(ExecutionRecord execution, Automation automation, List<StepLogEntry> history) {
        ObjectNode json = JsonValues.object();
        json.put("id", execution.id());
        json.put("automationId", execution.automationId());
        json.put("automationVersion", execution.automationVersion());
        execution.memberId().ifPresent(member -> json.put("memberId", member));
        json.put("status", WireName.of(execution.status()));
        execution.outcome().ifPresent(outcome -> json.put("outcome", WireName.of(outcome)));
        json.put("startedAt", execution.createdAt().toString());
        execution.endedAt().ifPresent(ended -> json.put("endedAt", ended.toString()));
        execution.error().ifPresent(error -> json.put("error", error));
        ArrayNode steps = json.putArray("steps");
        for (StepLogEntry entry : history) {
            steps.add(step(entry, automation.step(entry.stepId())));
        }
        return json;
    }

    /** One step attempt: what a reader needs to follow the run, not the whole log detail. */
    private static ObjectNode step(StepLogEntry entry, Optional<Step> step) {
        ObjectNode json = JsonValues.object();
        json.put("stepId", entry.stepId());
        json.put("status", WireName.of(entry.status()));
        json.put("at", entry.startedAt().toString());
        json.put("attempt", entry.attempt());
        Map<String, Object> detail = entry.detail();
        if (step.map(Step::type).filter(type -> type == StepType.CONDITION).isPresent()
                && detail.get("result") instanceof Boolean result) {
            json.put("result", result);
        }
        for (String key : List.of("until", "nextAttemptAt", "reason")) {
            if (detail.get(key) instanceof String text) {
                json.put(key, text);
            }
        }
        entry.error().ifPresent(error -> json.put("error", error));
        return json;
    }

    /** The members as they ended, by id, each with {@code id} first. */
    private ArrayNode members() {
        List<Member> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            MemberPage page = members.page(org, cursor, PAGE);
            all.addAll(page.members());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        all.sort(Comparator.comparing(Member::id));
        ArrayNode json = JsonValues.array();
        for (Member member : all) {
            ObjectNode record = json.addObject();
            record.put("id", member.id());
            member.fields().forEach((field, value) -> record.set(field, JsonValues.toJson(value)));
        }
        return json;
    }
}
