package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario's timeline. Entries are checked in the order they will apply (by time, file order
 * within a time), so a reference to a member or an automation is valid only once an earlier entry (or the
 * scenario's lists) made it exist.
 */
final class TimelineReader {
    static final List<String> KINDS = List.of("event", "update", "create", "run", "pause", "resume", "cancel", "save");
    private static final List<String> ENTRY_KEYS = List.of("at", "event", "update", "create", "run", "pause", "resume",
            "cancel", "save");
    private static final List<String> UPDATE_KEYS = List.of("memberId", "set", "unset", "addTags", "removeTags",
            "addSegments", "removeSegments");
    private static final int MAX_EVENT_ID_LENGTH = 200;

    private record Pending(int index, Instant at, String kind, JsonNode body, String path) {}

    private final Problems problems;
    private final String organizationId;
    private final Optional<Instant> start;
    private final Optional<Instant> until;
    private final AutomationDocuments documents;

    TimelineReader(Problems problems, String organizationId, Optional<Instant> start, Optional<Instant> until,
                   AutomationDocuments documents) {
        this.problems = problems;
        this.organizationId = organizationId;
        this.start = start;
        this.until = until;
        this.documents = documents;
    }

    /**
     * @param memberIds     the members that exist at the start; grows with {@code create} entries
     * @param automationIds the automations saved at the start; grows with {@code save} entries
     */
    List<TimelineEntry> read(List<JsonNode> nodes, String path, Set<String> memberIds, Set<String> automationIds) {
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            int index = i;
            String at = Problems.index(path, i);
            JsonFields.open(nodes.get(i), at, problems, "a timeline entry", ENTRY_KEYS)
                    .flatMap(fields -> pending(fields, index)).ifPresent(pending::add);
        }
        pending.sort(Comparator.comparing(Pending::at));
        List<TimelineEntry> entries = new ArrayList<>();
        for (Pending entry : pending) {
            action(entry, memberIds, automationIds)
                    .ifPresent(action -> entries.add(new TimelineEntry(entry.index(), entry.at(), entry.kind(), action)));
        }
        return entries;
    }

    private Optional<Pending> pending(JsonFields fields, int index) {
        Optional<Instant> at = fields.requiredInstant("at", "a timeline entry");
        List<String> kinds = KINDS.stream().filter(fields::has).toList();
        if (kinds.isEmpty()) {
            problems.add(fields.path(), "missing_key", "a timeline entry needs one of: " + String.join(", ", KINDS));
        } else if (kinds.size() > 1) {
            problems.add(fields.path(), "invalid_value", "a timeline entry does one thing; this one has "
                    + String.join(" and ", kinds));
        }
        at.ifPresent(time -> {
            if (start.isPresent() && time.isBefore(start.get())) {
                problems.add(fields.at("at"), "invalid_value", time + " is before the scenario's start (" + start.get()
                        + ")");
            } else if (until.isPresent() && !time.isBefore(until.get())) {
                problems.add(fields.at("at"), "invalid_value", time + " is not before the scenario's until ("
                        + until.get() + "), so it would never apply");
            }
        });
        if (at.isEmpty() || kinds.size() != 1) {
            return Optional.empty();
        }
        String kind = kinds.get(0);
        return fields.optional(kind).map(body -> new Pending(index, at.get(), kind, body, fields.at(kind)));
    }

    private Optional<TimelineEntry.Action> action(Pending entry, Set<String> memberIds, Set<String> automationIds) {
        Optional<String> declaredId = entry.body().path("id").isTextual()
                ? Optional.of(entry.body().path("id").textValue()) : Optional.empty();
        if (entry.kind().equals("save")) {
            declaredId.ifPresent(automationIds::add);
            return documents.read(entry.body(), entry.path()).map(TimelineEntry.Save::new);
        }
        if (entry.kind().equals("create")) {
            if (declaredId.isPresent() && !memberIds.add(declaredId.get())) {
                problems.add(Problems.key(entry.path(), "id"), "duplicate_id", "member \"" + declaredId.get()
                        + "\" exists already by then; change it with an \"update\" entry");
                return Optional.empty();
            }
            return MemberReader.read(entry.body(), entry.path(), organizationId, problems).map(TimelineEntry.Create::new);
        }
        List<String> keys = switch (entry.kind()) {
            case "event" -> List.of("id", "type", "memberId", "payload");
            case "update" -> UPDATE_KEYS;
            default -> List.of("automationId", "memberId");
        };
        Optional<JsonFields> opened = JsonFields.open(entry.body(), entry.path(), problems,
                "a timeline \"" + entry.kind() + "\"", keys);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        JsonFields fields = opened.get();
        int before = problems.count();
        Optional<TimelineEntry.Action> action = switch (entry.kind()) {
            case "event" -> event(fields, memberIds);
            case "update" -> update(fields, memberIds);
            default -> automationAction(entry.kind(), fields, memberIds, automationIds);
        };
        return problems.count() > before ? Optional.empty() : action;
    }

    private Optional<TimelineEntry.Action> event(JsonFields fields, Set<String> memberIds) {
        Optional<String> id = fields.optionalText("id");
        id.filter(text -> text.length() > MAX_EVENT_ID_LENGTH).ifPresent(text -> problems.add(fields.at("id"),
                "invalid_value", "an event id has at most " + MAX_EVENT_ID_LENGTH + " characters"));
        Optional<TriggerType> type = fields.requiredText("type", "an event").flatMap(text -> {
            Optional<TriggerType> parsed = WireName.parse(TriggerType.class, text);
            if (parsed.isEmpty()) {
                problems.add(fields.at("type"), "invalid_enum", "unknown trigger type \"" + text + "\"; one of "
                        + String.join(", ", WireName.all(TriggerType.class)));
            } else if (parsed.get() == TriggerType.SCHEDULED || parsed.get() == TriggerType.MANUAL) {
                problems.add(fields.at("type"), "invalid_value", "a " + text + " trigger is not an event: the"
                        + " scheduler fires scheduled automations, and a \"run\" entry runs one for a member");
                return Optional.empty();
            }
            return parsed;
        });
        Optional<String> memberId = fields.optionalText("memberId");
        memberId.ifPresent(member -> knownMember(member, fields.at("memberId"), memberIds));
        Map<String, Object> payload = fields.optional("payload").map(node -> {
            if (!node.isObject()) {
                problems.add(fields.at("payload"), "invalid_type", "expected an object, got " + JsonFields.describe(node));
                return Map.<String, Object>of();
            }
            return JsonValues.toFields(node, fields.at("payload"), problems);
        }).orElse(Map.of());
        return type.map(trigger -> new TimelineEntry.Publish(new TriggerEvent(id, organizationId, trigger, memberId,
                payload, Optional.empty())));
    }

    private Optional<TimelineEntry.Action> update(JsonFields fields, Set<String> memberIds) {
        Optional<String> memberId = fields.requiredText("memberId", "an update");
        memberId.ifPresent(member -> knownMember(member, fields.at("memberId"), memberIds));
        Map<String, Object> set = fields.optional("set").map(node -> {
            if (!node.isObject()) {
                problems.add(fields.at("set"), "invalid_type", "expected an object of fields, got "
                        + JsonFields.describe(node));
                return Map.<String, Object>of();
            }
            return JsonValues.toFields(node, fields.at("set"), problems);
        }).orElse(Map.of());
        for (String list : List.of(Member.TAGS, Member.SEGMENTS)) {
            if (set.containsKey(list)) {
                problems.add(Problems.key(fields.at("set"), list), "invalid_value", list + " change with add"
                        + (list.equals(Member.TAGS) ? "Tags/removeTags" : "Segments/removeSegments"));
            }
        }
        if (UPDATE_KEYS.stream().skip(1).noneMatch(fields::has)) {
            problems.add(fields.path(), "missing_key", "an update needs at least one of: "
                    + String.join(", ", UPDATE_KEYS.subList(1, UPDATE_KEYS.size())));
        }
        List<List<String>> lists = new ArrayList<>();
        for (String key : UPDATE_KEYS.subList(2, UPDATE_KEYS.size())) {
            lists.add(fields.optionalStrings(key).orElse(List.of()));
        }
        if (memberId.isEmpty() || set.containsKey(Member.TAGS) || set.containsKey(Member.SEGMENTS)) {
            return Optional.empty();
        }
        return Optional.of(new TimelineEntry.Update(memberId.get(), new MemberPatch(set, Set.copyOf(lists.get(0)),
                Set.copyOf(lists.get(1)), Set.copyOf(lists.get(2)), Set.copyOf(lists.get(3)), Set.copyOf(lists.get(4)))));
    }

    private Optional<TimelineEntry.Action> automationAction(String kind, JsonFields fields, Set<String> memberIds,
                                                            Set<String> automationIds) {
        Optional<String> automationId = fields.requiredText("automationId", "a timeline \"" + kind + "\"");
        automationId.filter(id -> !automationIds.contains(id)).ifPresent(id -> problems.add(fields.at("automationId"),
                "unknown_automation", "no automation \"" + id + "\" exists by then: list it under \"automations\""
                        + " or save it with an earlier \"save\" entry"));
        Optional<String> memberId = kind.equals("run") ? fields.requiredText("memberId", "a timeline \"run\"")
                : fields.optionalText("memberId");
        memberId.ifPresent(member -> knownMember(member, fields.at("memberId"), memberIds));
        if (automationId.isEmpty() || (kind.equals("run") && memberId.isEmpty())) {
            return Optional.empty();
        }
        String id = automationId.get();
        return Optional.of(switch (kind) {
            case "run" -> new TimelineEntry.Run(id, memberId.orElseThrow());
            case "pause" -> new TimelineEntry.Pause(id, memberId);
            case "resume" -> new TimelineEntry.Resume(id, memberId);
            default -> new TimelineEntry.Cancel(id, memberId);
        });
    }

    private void knownMember(String memberId, String path, Set<String> memberIds) {
        if (!memberIds.contains(memberId)) {
            problems.add(path, "unknown_member", "no member \"" + memberId + "\" exists by then: list it under"
                    + " \"members\" or add it with an earlier \"create\" entry");
        }
    }
}
