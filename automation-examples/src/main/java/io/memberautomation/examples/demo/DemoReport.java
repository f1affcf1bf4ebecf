package io.memberautomation.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.diagram.MermaidDiagrams;
import io.memberautomation.core.model.Automation;
import io.memberautomation.core.model.WireName;
import io.memberautomation.examples.simulate.Effects;
import io.memberautomation.spi.store.ExecutionOutcome;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link DemoResult} into what people read: the summary printed on standard output and the Markdown
 * report (summary tables, each automation drawn as a Mermaid flowchart, the effects of every day, three
 * member timelines).
 */
final class DemoReport {
    /** The automations whose members' timelines are shown: a failed payment, a VIP upgrade, a sign-up. */
    private static final List<String> TIMELINE_AUTOMATIONS = List.of("payment-dunning", "vip-upgrade",
            "welcome-series");
    private static final List<String> STATUS_COLUMNS = List.of("finished", "exited", "waiting", "failed");
    private static final List<String> TYPE_ORDER = List.of("email", "sms", "webhook", "task", "admin_notification",
            "custom_action", "tag_added", "tag_removed", "field_updated", "segment_added", "segment_removed",
            "skipped");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int MAX_TEXT = 90;

    private final DemoResult result;
    private final DemoOptions options;
    private final Duration elapsed;
    private final Map<String, String> automationOfExecution = new HashMap<>();

    DemoReport(DemoResult result, DemoOptions options, Duration elapsed) {
        this.result = result;
        this.options = options;
        this.elapsed = elapsed;
        result.executions().forEach(e -> automationOfExecution.put(e.id(), e.automationId()));
    }

    // ---- the two outputs ----------------------------------------------------------------------------

    /** The summary for standard output. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(headline()).append("\n\n");
        out.append("Executions by automation and status\n").append(executions().toText("  ")).append('\n');
        out.append("Effects by type\n").append(effectsByType().toText("  ")).append('\n');
        out.append(billing()).append("\n\n");
        out.append("Posted to the board\n").append(adminNotifications().toText("  ")).append('\n');
        out.append("Member timelines (times are the member's local time)\n");
        for (String memberId : timelineMembers()) {
            out.append("  ").append(label(memberId)).append('\n').append(timeline(memberId).toText("    "));
        }
        out.append('\n').append(String.format(Locale.ROOT, "Report written to %s; the demo took %.1f s.%n",
                options.report(), elapsed.toMillis() / 1000.0));
        return out.toString();
    }

    /** The Markdown report. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Demo report: ").append(result.organization()).append("\n\n");
        out.append(headline()).append(String.format(Locale.ROOT, " Seed %d; the run took %.1f s.%n%n", options.seed(),
                elapsed.toMillis() / 1000.0));
        out.append("## Executions by automation and status\n\n").append(executions().toMarkdown()).append('\n');
        out.append("Statuses: `finished` ran to its end, `exited` left early because its exit criteria held, "
                + "`waiting` is still on a timer when the simulation stopped.\n\n");
        out.append("## Effects by type\n\n").append(effectsByType().toMarkdown()).append('\n');
        out.append(billing()).append("\n\n");
        out.append("## Posted to the board\n\n").append(adminNotifications().toMarkdown()).append('\n');
        out.append("## Automations\n\n");
        for (Automation automation : result.automations()) {
            out.append("### ").append(automation.name()).append(" (`").append(automation.id()).append("`)\n\n");
            out.append("```mermaid\n").append(MermaidDiagrams.flowchart(automation)).append("```\n\n");
        }
        out.append("## Effects per day\n\n").append(effectsPerDay().toMarkdown()).append('\n');
        out.append("## Member timelines\n\nTimes are the member's local time.\n\n");
        for (String memberId : timelineMembers()) {
            out.append("### ").append(label(memberId)).append("\n\n").append(timeline(memberId).toMarkdown())
                    .append('\n');
        }
        return out.toString();
    }

    private String headline() {
        return String.format(Locale.ROOT, "%s: %d simulated days from %s (%s) on %s, %,d members at the start and"
                        + " %,d at the end, %,d executions, %,d effects.", result.organization(), result.days(),
                result.firstDay(), result.zone(), result.database(), result.startingMembers(), result.members().size(),
                result.executions().size(), result.effects().size());
    }

    // ---- tables -------------------------------------------------------------------------------------

    Table executions() {
        List<String> headers = new ArrayList<>(List.of("automation", "executions"));
        headers.addAll(STATUS_COLUMNS);
        headers.add("other");
        Table.Builder table = new Table.Builder(headers);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        result.automations().forEach(a -> counts.put(a.id(), new HashMap<>()));
        Map<String, Integer> total = new HashMap<>();
        for (ExecutionRecord execution : result.executions()) {
            String status = status(execution);
            counts.computeIfAbsent(execution.automationId(), id -> new HashMap<>()).merge(status, 1, Integer::sum);
            total.merge(status, 1, Integer::sum);
        }
        counts.forEach((automation, byStatus) -> table.row(statusRow(automation, byStatus)));
        table.row(statusRow("total", total));
        return table.build();
    }

    private static List<String> statusRow(String name, Map<String, Integer> byStatus) {
        List<String> row = new ArrayList<>(List.of(name, number(byStatus.values().stream().mapToInt(i -> i).sum())));
        STATUS_COLUMNS.forEach(status -> row.add(number(byStatus.getOrDefault(status, 0))));
        row.add(number(byStatus.entrySet().stream().filter(e -> !STATUS_COLUMNS.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum()));
        return row;
    }

    /** {@code finished} or {@code exited} for a completed execution, else its status. */
    static String status(ExecutionRecord execution) {
        if (execution.status() == ExecutionStatus.COMPLETED) {
            return execution.outcome().filter(ExecutionOutcome.EXITED::equals).isPresent() ? "exited" : "finished";
        }
        return WireName.of(execution.status());
    }

    Table effectsByType() {
        Map<String, Integer> counts = new TreeMap<>(typeOrder());
        result.effects().forEach(effect -> counts.merge(kind(effect), 1, Integer::sum));
        Table.Builder table = Table.with("effect", "count");
        counts.forEach((kind, count) -> table.row(List.of(kind, number(count))));
        table.row(List.of("total", number(result.effects().size())));
        return table.build();
    }

    Table effectsPerDay() {
        Set<String> kinds = new LinkedHashSet<>();
        result.effects().stream().map(DemoReport::kind).sorted(typeOrder()).forEach(kinds::add);
        List<String> headers = new ArrayList<>(List.of("day", "date"));
        headers.addAll(kinds);
        headers.add("total");
        Table.Builder table = new Table.Builder(headers);
        Map<Integer, Map<String, Integer>> byDay = new TreeMap<>();
        for (Effects.Effect effect : result.effects()) {
            int day = (int) ChronoUnit.DAYS.between(result.firstDay(), LocalDate.ofInstant(effect.at(), result.zone()));
            byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(kind(effect), 1, Integer::sum);
        }
        for (int day = 0; day < result.days(); day++) {
            Map<String, Integer> counts = byDay.getOrDefault(day, Map.of());
            List<String> row = new ArrayList<>(List.of(String.valueOf(day + 1), result.firstDay().plusDays(day).toString()));
            kinds.forEach(kind -> row.add(number(counts.getOrDefault(kind, 0))));
            row.add(number(counts.values().stream().mapToInt(i -> i).sum()));
            table.row(row);
        }
        return table.build();
    }

    /** The effect's type, with a custom action named by its action type. */
    private static String kind(Effects.Effect effect) {
        return effect.type().equals("custom_action") ? effect.json().get("action").asText() : effect.type();
    }

    /** Known types in {@link #TYPE_ORDER}, custom action types where custom_action stands, by name among themselves. */
    private static Comparator<String> typeOrder() {
        return Comparator.<String>comparingInt(kind -> {
            int known = TYPE_ORDER.indexOf(kind);
            return known >= 0 ? known : TYPE_ORDER.indexOf("custom_action");
        }).thenComparing(Comparator.naturalOrder());
    }

    /** The admin notifications, such as the weekly digest, in the organisation's time. */
    Table adminNotifications() {
        Table.Builder table = Table.with("when", "channel", "message");
        result.effects().stream().filter(effect -> effect.type().equals("admin_notification"))
                .forEach(effect -> table.row(List.of(MINUTE.format(effect.at().atZone(result.zone())),
                        text(effect.json(), "channel"), text(effect.json(), "message"))));
        return table.build();
    }

    private String billing() {
        Map<String, Integer> requests = result.billingRequests();
        long retried = requests.values().stream().filter(count -> count > 1).count();
        int total = requests.values().stream().mapToInt(i -> i).sum();
        return String.format(Locale.ROOT, "Billing webhook: %,d failed-payment deliveries took %,d requests; the"
                + " local billing receiver answered each delivery's first attempt 503, and %,d were retried with"
                + " the same Idempotency-Key and accepted.", requests.size(), total, retried);
    }

    // ---- member timelines ---------------------------------------------------------------------------

    /** One member per timeline automation: the one with the most effects, so the timeline has something to show. */
    List<String> timelineMembers() {
        Map<String, Integer> effectsPerMember = new HashMap<>();
        result.effects().forEach(e -> memberOf(e).ifPresent(m -> effectsPerMember.merge(m, 1, Integer::sum)));
        List<String> chosen = new ArrayList<>();
        for (String automation : TIMELINE_AUTOMATIONS) {
            result.executions().stream()
                    .filter(e -> e.automationId().equals(automation) && e.memberId().isPresent())
                    .map(e -> e.memberId().get())
                    .filter(member -> !chosen.contains(member))
                    .max(Comparator.<String>comparingInt(m -> effectsPerMember.getOrDefault(m, 0))
                            .thenComparing(Comparator.<String>reverseOrder()))
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    private String label(String memberId) {
        return Optional.ofNullable(result.members().get(memberId))
                .map(member -> memberId + " " + member.name() + " (" + member.zone() + ")").orElse(memberId);
    }

    Table timeline(String memberId) {
        ZoneId zone = Optional.ofNullable(result.members().get(memberId)).map(DemoResult.MemberLabel::zone)
                .orElse(result.zone());
        record Line(Instant at, int source, String by, String what) {}
        List<Line> lines = new ArrayList<>();
        result.hostEvents().stream().filter(e -> e.memberId().equals(memberId))
                .forEach(e -> lines.add(new Line(e.at(), 0, "member / staff", e.detail())));
        result.effects().stream().filter(e -> memberOf(e).filter(memberId::equals).isPresent())
                .forEach(e -> lines.add(new Line(e.at(), 1, automationOfExecution.getOrDefault(e.executionId(), "?"),
                        describe(e))));
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::source));
        Table.Builder table = Table.with("when", "by", "what");
        lines.forEach(line -> table.row(List.of(MINUTE.format(line.at().atZone(zone)), line.by(), line.what())));
        return table.build();
    }

    private static Optional<String> memberOf(Effects.Effect effect) {
        return Optional.ofNullable(effect.json().get("memberId")).map(JsonNode::asText);
    }

    /** One line for an effect. */
    static String describe(Effects.Effect effect) {
        JsonNode json = effect.json();
        String what = switch (effect.type()) {
            case "email" -> "email \"" + text(json, "subject") + "\" to " + text(json, "to");
            case "sms" -> "SMS to " + text(json, "to") + ": " + text(json, "body");
            case "webhook" -> "webhook " + text(json, "url") + ", attempt " + text(json, "attempt") + ": "
                    + (json.has("status") ? "answered " + text(json, "status") : text(json, "error"));
            case "task" -> "task for " + text(json, "assignee") + ": " + text(json, "title");
            case "admin_notification" -> "to the admins (" + text(json, "channel") + "): " + text(json, "message");
            case "tag_added" -> "tag +" + text(json, "tag");
            case "tag_removed" -> "tag -" + text(json, "tag");
            case "field_updated" -> text(json, "field") + " = " + text(json, "value");
            case "custom_action" -> text(json, "action") + " " + firstOutput(json.path("output"));
            case "skipped" -> "skipped " + text(json, "action") + ": " + text(json, "reason");
            default -> effect.type();
        };
        return what.length() > MAX_TEXT ? what.substring(0, MAX_TEXT - 3) + "..." : what;
    }

    /** The first field of a custom action's output, such as {@code badge vip}. */
    private static String firstOutput(JsonNode output) {
        return output.properties().stream().findFirst()
                .map(field -> field.getKey() + " " + field.getValue().asText()).orElse("");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
