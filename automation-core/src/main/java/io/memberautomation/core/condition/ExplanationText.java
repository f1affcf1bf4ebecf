package io.memberautomation.core.condition;

import io.memberautomation.core.model.WireName;
import java.util.Locale;

/** The readable text of an explanation tree, for logs and test failures. */
final class ExplanationText {
    private ExplanationText() {}

    static void append(StringBuilder out, Explanation node, int depth) {
        out.append("  ".repeat(depth));
        if (node instanceof Explanation.Group group) {
            out.append(group.negate() ? "NOT " : "")
                    .append(WireName.of(group.operator()).toUpperCase(Locale.ROOT))
                    .append(" -> ").append(group.result());
            for (Explanation child : group.children()) {
                out.append('\n');
                append(out, child, depth + 1);
            }
            return;
        }
        Explanation.Leaf leaf = (Explanation.Leaf) node;
        out.append(leaf.field()).append(' ').append(leaf.operator());
        leaf.expected().ifPresent(expected -> out.append(' ').append(expected));
        out.append(" -> ").append(leaf.result()).append(" (seen ").append(leaf.seen());
        leaf.reason().ifPresent(reason -> out.append(", ").append(reason.wireName()));
        out.append(')');
    }
}
