package io.memberautomation.core.condition;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the model into compiled nodes, choosing one leaf class per operator family. The operator is switched on
 * here, once; evaluation only calls the chosen leaf.
 */
final class NodeCompiler {
    private NodeCompiler() {}

    static GroupNode group(ConditionGroup group) {
        List<Node> children = new ArrayList<>(group.conditions().size());
        for (ConditionNode child : group.conditions()) {
            children.add(child instanceof ConditionGroup nested ? group(nested) : leaf((Condition) child));
        }
        return GroupNode.of(group.operator(), group.negate(), children);
    }

    private static LeafNode leaf(Condition c) {
        return switch (c.op()) {
            case EQ -> equality(c, false);
            case NEQ -> equality(c, true);
            case GT -> new CompareLeaf(c, scalar(c, value(c)), Cmp.ACCEPT_GREATER);
            case GTE -> new CompareLeaf(c, scalar(c, value(c)), Cmp.ACCEPT_GREATER | Cmp.ACCEPT_EQUAL);
            case LT -> new CompareLeaf(c, scalar(c, value(c)), Cmp.ACCEPT_LESS);
            case LTE -> new CompareLeaf(c, scalar(c, value(c)), Cmp.ACCEPT_LESS | Cmp.ACCEPT_EQUAL);
            case BETWEEN -> between(c);
            case IN -> in(c, false);
            case NOT_IN -> in(c, true);
            case CONTAINS -> new ContainsLeaf(c, searchable(c), false);
            case NOT_CONTAINS -> new ContainsLeaf(c, searchable(c), true);
            case STARTS_WITH -> new AffixLeaf(c, text(c), true);
            case ENDS_WITH -> new AffixLeaf(c, text(c), false);
            case MATCHES -> new MatchesLeaf(c, pattern(c));
            case IS_SET -> new PresenceLeaf(c, true);
            case IS_NOT_SET -> new PresenceLeaf(c, false);
            case IS_EMPTY -> new EmptinessLeaf(c, true);
            case IS_NOT_EMPTY -> new EmptinessLeaf(c, false);
            case HAS_TAG -> new HasTagLeaf(c, text(c));
            case CHANGED -> new ChangedLeaf(c, previousOf(c), null);
            case CHANGED_TO -> new ChangedLeaf(c, previousOf(c), scalar(c, value(c)));
        };
    }

    private static LeafNode equality(Condition c, boolean negated) {
        CompiledOperand operand = scalar(c, value(c));
        if (operand instanceof StringOperand text) {
            return new StringEqualsLeaf(c, text, negated);
        }
        return new CompareLeaf(c, operand, negated ? Cmp.ACCEPT_LESS | Cmp.ACCEPT_GREATER : Cmp.ACCEPT_EQUAL);
    }

    private static LeafNode between(Condition c) {
        List<?> bounds = list(c, value(c), "needs [low, high]");
        if (bounds.size() != 2) {
            throw fail(c, "needs exactly two bounds [low, high], got " + bounds.size());
        }
        if (bounds.get(0) instanceof Operand.Relative low && bounds.get(1) instanceof Operand.Relative high) {
            return new RelativeRangeLeaf(c, low.offset(), high.offset());
        }
        return new BetweenLeaf(c, scalar(c, (Operand) bounds.get(0)), scalar(c, (Operand) bounds.get(1)));
    }

    private static LeafNode in(Condition c, boolean negated) {
        Operand value = value(c);
        if (value instanceof Operand.FieldRef ref) {
            return new InFieldLeaf(c, negated, new FieldOperand(new PathReader(ref.path()), c.ignoreCase()));
        }
        Set<String> strings = new HashSet<>();
        List<CompiledOperand> others = new ArrayList<>();
        List<CompiledOperand> all = new ArrayList<>();
        for (Object element : list(c, value, "needs a list of values or a field holding one")) {
            CompiledOperand operand = scalar(c, (Operand) element);
            all.add(operand);
            if (element instanceof Operand.Literal literal && literal.value() instanceof String text) {
                strings.add(c.ignoreCase() ? Values.fold(text) : text);
            } else {
                others.add(operand);
            }
        }
        return new InLeaf(c, negated, strings, others, all);
    }

    private static CompiledOperand searchable(Condition c) {
        Operand value = value(c);
        if (value instanceof Operand.Relative) {
            throw fail(c, "needs a string, a number, a boolean or a field, not a relative date");
        }
        return scalar(c, value);
    }

    private static CompiledOperand text(Condition c) {
        Operand value = value(c);
        if (value instanceof Operand.FieldRef ref) {
            return new FieldOperand(new PathReader(ref.path()), c.ignoreCase());
        }
        if (value instanceof Operand.Literal literal && literal.value() instanceof String text) {
            return new StringOperand(text, c.ignoreCase());
        }
        throw fail(c, "needs a string or a field");
    }

    private static Pattern pattern(Condition c) {
        if (!(value(c) instanceof Operand.Literal literal && literal.value() instanceof String regex)) {
            throw fail(c, "needs a regular expression string");
        }
        try {
            return Pattern.compile(regex, c.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new ConditionCompileException(c.field(), c.op(),
                    "invalid regular expression \"" + regex + "\": " + e.getDescription(), e);
        }
    }

    private static PathReader previousOf(Condition c) {
        if (c.field().root() != FieldPath.Root.MEMBER) {
            throw fail(c, "compares a member.* field with its previous.* value");
        }
        return new PathReader(new FieldPath(FieldPath.Root.PREVIOUS, c.field().keys()));
    }

    private static CompiledOperand scalar(Condition c, Operand operand) {
        if (operand instanceof Operand.FieldRef ref) {
            return new FieldOperand(new PathReader(ref.path()), c.ignoreCase());
        }
        if (operand instanceof Operand.Relative relative) {
            return new RelativeOperand(relative.offset());
        }
        Object literal = ((Operand.Literal) operand).value();
        if (literal instanceof String text) {
            return new StringOperand(text, c.ignoreCase());
        }
        if (literal instanceof BigDecimal number) {
            return new NumberOperand(number);
        }
        if (literal instanceof Boolean flag) {
            return new BooleanOperand(flag);
        }
        throw fail(c, "needs a single value, not a list");
    }

    private static List<?> list(Condition c, Operand operand, String problem) {
        if (operand instanceof Operand.Literal literal && literal.value() instanceof List<?> elements) {
            return elements;
        }
        throw fail(c, problem);
    }

    private static Operand value(Condition c) {
        return c.value().orElseThrow(() -> fail(c, "needs a value"));
    }

    private static ConditionCompileException fail(Condition c, String problem) {
        return new ConditionCompileException(c.field(), c.op(), problem);
    }
}
