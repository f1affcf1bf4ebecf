package io.memberautomation.examples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells, printed either as aligned plain text for the terminal or as a Markdown table for
 * the report. Columns after the first are right-aligned when every cell in them is a number.
 *
 * @param headers the column names
 * @param rows    the cells, one list per row, each as long as {@code headers}
 */
record Table(List<String> headers, List<List<String>> rows) {
    Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size()
                        + " columns: " + row);
            }
        }
    }

    /** Collects rows, then makes the table. */
    static final class Builder {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();

        Builder(List<String> headers) {
            this.headers = List.copyOf(headers);
        }

        Builder row(List<?> cells) {
            rows.add(cells.stream().map(String::valueOf).toList());
            return this;
        }

        Table build() {
            return new Table(headers, rows);
        }
    }

    static Builder with(String... headers) {
        return new Builder(List.of(headers));
    }

    /** Plain text, columns two spaces apart, each line indented by {@code indent}. */
    String toText(String indent) {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        line(out, indent, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, indent, rule, widths);
        rows.forEach(row -> line(out, indent, row, widths));
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table; {@code |} in a cell is escaped. */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(headers));
        List<String> rule = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            rule.add(numeric(column) ? "---:" : "---");
        }
        out.append("|").append(String.join("|", rule)).append("|\n");
        rows.forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |\n";
    }

    private void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? "" : "  ").append(numeric(column) ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private boolean numeric(int column) {
        return column > 0 && !rows.isEmpty()
                && rows.stream().allMatch(row -> row.get(column).matches("-?[0-9][0-9,.]*"));
    }
}
