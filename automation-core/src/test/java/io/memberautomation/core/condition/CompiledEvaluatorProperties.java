package io.memberautomation.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.model.Condition;
import io.memberautomation.core.model.ConditionGroup;
import io.memberautomation.core.model.ConditionNode;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.GroupOperator;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.Operand;
import io.memberautomation.core.model.Operator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Random condition trees (depth up to 4, every operator, literal, relative and field operands, ignoreCase) over
 * random members (random presence and types): the compiled evaluator must agree with {@link ReferenceEvaluator},
 * and an explanation must carry the result of the test.
 */
class CompiledEvaluatorProperties {
    private static final LocalDate BASE_DATE = LocalDate.parse("2026-01-20");
    private static final Instant BASE_INSTANT = Instant.parse("2026-01-20T10:00:00Z");
    private static final List<String> MEMBER_FIELDS =
            List.of("member.a", "member.b", "member.c", "member.tags", "member.nested.x");
    private static final List<String> FIELDS = List.of("member.a", "member.b", "member.c", "member.tags",
            "member.nested.x", "previous.a", "event.x", "steps.s1.output.v", "steps.s1.output");
    private static final List<String> REGEXES = List.of("^g", "OLD$", "\\d+", "^[a-z]+$", "a.c", "2026", "^$", "o+");
    private static final List<String> RELATIVES = List.of("P0D", "P7D", "-P1D", "PT1H", "-PT10H", "P1M", "P1Y");
    private static final List<String> TEXTS = List.of("gold", "GOLD", "go", "LD", "vip", "VIP", "hello", "", "2026", "5");

    // Field values and literals come in families whose members compare equal across types, so that random
    // leaves are true often enough to exercise every fast path; "others" brings the odd cases.
    private static final List<Object> FIVES = List.of(5, 5L, 5.0, 5.0f, new BigDecimal("5.00"), (short) 5, (byte) 5,
            BigInteger.valueOf(5), "5", "5.0");
    private static final List<Object> GOLDS = List.of("gold", "Gold", "GOLD", "gold ", "golden");
    private static final List<Object> DATES = List.of(BASE_DATE, BASE_DATE.plusDays(1), BASE_DATE.plusDays(7),
            BASE_DATE.minusDays(1), "2026-01-20", "2026-01-27", BASE_INSTANT, BASE_INSTANT.plusSeconds(3600),
            BASE_INSTANT.minusSeconds(36_000), "2026-01-20T10:00:00Z", BASE_INSTANT.atOffset(ZoneOffset.ofHours(2)),
            BASE_INSTANT.atZone(ZoneId.of("Europe/London")), BASE_INSTANT.atZone(ZoneOffset.UTC).toLocalDateTime(),
            BASE_INSTANT.plusSeconds(7 * 86_400L).atOffset(ZoneOffset.ofHours(-5)));
    private static final List<Object> OTHERS = List.of(0, -1, 500, 501L, 0.1, 0.1f, 499.5, -0.0, Long.MAX_VALUE,
            9007199254740993L, 1152921504606846976L, 0x1p60, 0x1p53, 1e20, Double.NaN, Double.POSITIVE_INFINITY,
            new BigInteger("100000000000000000000"), new BigDecimal("1E+3"), "", "hello world", "Hello World", "abc",
            "1e3", "-1", "500", "ÉLAN", "élan", "vip", true, false, "true");
    private static final List<Object> FIVE_LITERALS = List.of("5", new BigDecimal("5"), new BigDecimal("5.0"), "5.00");
    private static final List<Object> GOLD_LITERALS = List.of("gold", "GOLD", "golden");
    private static final List<Object> DATE_LITERALS = List.of("2026-01-20", "2026-01-21", "2026-01-20T10:00:00Z",
            "2026-01-20T11:00:00+01:00", "2026-01-27T10:00:00Z");
    private static final List<Object> OTHER_LITERALS = List.of(new BigDecimal("0"), new BigDecimal("0.1"),
            new BigDecimal("500"), new BigDecimal("-1"), new BigDecimal("499.5"), new BigDecimal("1152921504606846976"),
            new BigDecimal("9007199254740992"), new BigDecimal("1E+3"), "", "hello", "500", true, false);

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void compiled_whenEvaluatedAgainstRandomMembers_agreesWithTheReference(@ForAll("cases") Case sample) {
        ConditionGroup group = sample.group();
        ReferenceEvaluator.World world = sample.world();
        EvaluationContext ctx = world.toContext();
        ReferenceEvaluator reference = new ReferenceEvaluator(world);
        // leaf by leaf first: in a whole tree one wrong leaf is often masked by its siblings
        for (Condition leaf : leavesOf(group)) {
            boolean expected = reference.evaluate(leaf);
            Statistics.label("leaf results").collect(leaf.op(), expected);
            assertThat(Conditions.compile(ConditionGroup.and(leaf)).test(ctx)).as("leaf %s", leaf).isEqualTo(expected);
        }
        boolean expected = reference.evaluate(group);
        Statistics.label("tree results").collect(expected);
        assertThat(Conditions.compile(group).test(ctx)).as("compiled vs reference").isEqualTo(expected);
        Statistics.label("leaf results").coverage(checker -> {
            for (Operator op : Operator.values()) {
                checker.check(op, true).count(n -> n > 0);
                checker.check(op, false).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void explain_whenEvaluatedAgainstRandomMembers_hasTheResultOfTest(@ForAll("cases") Case sample) {
        EvaluationContext ctx = sample.world().toContext();
        CompiledCondition compiled = Conditions.compile(sample.group());
        Explanation explanation = compiled.explain(ctx);
        assertThat(explanation.result()).isEqualTo(compiled.test(ctx));
        assertThat(explanation.toMap()).containsEntry("result", explanation.result());
    }

    private static List<Condition> leavesOf(ConditionGroup group) {
        List<Condition> leaves = new ArrayList<>();
        for (ConditionNode node : group.conditions()) {
            if (node instanceof ConditionGroup nested) {
                leaves.addAll(leavesOf(nested));
            } else {
                leaves.add((Condition) node);
            }
        }
        return leaves;
    }

    /** A condition tree and a world to evaluate it in. */
    record Case(ConditionGroup group, ReferenceEvaluator.World world) {}

    @Provide
    Arbitrary<Case> cases() {
        return group(4).flatMap(group -> worlds(echoes(group)).map(world -> new Case(group, world)));
    }

    /**
     * Values that echo the tree's literals in other forms (a number as int, double, BigDecimal or text; a string
     * in another case, extended, or in a list; a relative date resolved near the base instant), keyed by the path
     * of the leaf they come from, so that random members meet the conditions often enough for every operator to
     * be true as well as false.
     */
    private static Map<String, List<Object>> echoes(ConditionGroup group) {
        Map<String, List<Object>> echoes = new HashMap<>();
        for (Condition leaf : leavesOf(group)) {
            List<Object> forField = echoes.computeIfAbsent(leaf.field().toString(), path -> new ArrayList<>());
            leaf.value().ifPresent(operand -> echo(operand, forField));
            if (leaf.field().root() == FieldPath.Root.MEMBER) {
                // the previous value echoes too, so that changed and changed_to are false as well as true
                String previous = "previous." + String.join(".", leaf.field().keys());
                leaf.value().ifPresent(operand -> echo(operand,
                        echoes.computeIfAbsent(previous, path -> new ArrayList<>())));
            }
        }
        return echoes;
    }

    private static void echo(Operand operand, List<Object> echoes) {
        if (operand instanceof Operand.Relative relative) {
            echoes.add(relative.offset().addTo(BASE_DATE));
            echoes.add(relative.offset().addTo(BASE_INSTANT.atZone(ZoneOffset.UTC)).toInstant());
            echoes.add(relative.offset().addTo(BASE_DATE).toString());
        } else if (operand instanceof Operand.Literal literal) {
            Object value = literal.value();
            if (value instanceof List<?> elements) {
                elements.forEach(element -> echo((Operand) element, echoes));
                if (elements.size() == 2 && elements.get(0) instanceof Operand.Literal low
                        && low.value() instanceof BigDecimal a && elements.get(1) instanceof Operand.Literal high
                        && high.value() instanceof BigDecimal b) {
                    echoes.add(a.add(b).divide(BigDecimal.valueOf(2)));
                }
            } else if (value instanceof BigDecimal number) {
                echoes.addAll(List.of(number, number.doubleValue(), number.toPlainString(), List.of(number.longValue()),
                        number.longValue(), number.intValue()));
            } else if (value instanceof String text) {
                String upper = text.toUpperCase(Locale.ROOT);
                String capitalised = text.isEmpty() ? text : upper.charAt(0) + text.substring(1);
                echoes.addAll(List.of(text, upper, capitalised, text + "er", "re" + text, List.of(text, "x"),
                        List.of(upper)));
            } else {
                echoes.add(value);
            }
        }
    }

    private Arbitrary<ConditionGroup> group(int depth) {
        Arbitrary<ConditionNode> child = depth <= 1
                ? leaves().map(leaf -> leaf)
                : Arbitraries.frequencyOf(
                        Tuple.of(3, leaves().map(leaf -> (ConditionNode) leaf)),
                        Tuple.of(1, group(depth - 1).map(nested -> (ConditionNode) nested)));
        return Combinators.combine(Arbitraries.of(GroupOperator.class), Arbitraries.of(false, false, true),
                child.list().ofMinSize(1).ofMaxSize(4)).as(ConditionGroup::new);
    }

    private Arbitrary<Condition> leaves() {
        return Arbitraries.of(Operator.class).flatMap(op -> {
            Arbitrary<String> field = switch (op) {
                case CHANGED, CHANGED_TO -> Arbitraries.of(MEMBER_FIELDS);
                case HAS_TAG -> Arbitraries.frequency(Tuple.of(3, "member.tags"), Tuple.of(1, "member.a"));
                default -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(MEMBER_FIELDS.get(0))),
                        Tuple.of(4, Arbitraries.of(FIELDS)));
            };
            Arbitrary<Boolean> ignoreCase = op.isStringOperator() ? Arbitraries.of(true, false) : Arbitraries.just(false);
            return Combinators.combine(field, operandFor(op), ignoreCase)
                    .as((path, value, ic) -> new Condition(FieldPath.parse(path), op, value, ic));
        });
    }

    private Arbitrary<Optional<Operand>> operandFor(Operator op) {
        Arbitrary<Operand> operand = switch (op) {
            case IS_SET, IS_NOT_SET, IS_EMPTY, IS_NOT_EMPTY, CHANGED -> null;
            case EQ, NEQ, GT, GTE, LT, LTE, CHANGED_TO -> scalarOperand();
            case BETWEEN -> bounds();
            case IN, NOT_IN -> Arbitraries.frequencyOf(
                    Tuple.of(4, scalarOperand().list().ofMaxSize(3).map(Operand.Literal::new)),
                    Tuple.of(1, fieldOperand()));
            case CONTAINS, NOT_CONTAINS -> Arbitraries.oneOf(literal(), fieldOperand());
            case STARTS_WITH, ENDS_WITH, HAS_TAG -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(TEXTS).map(text -> new Operand.Literal(text))), Tuple.of(1, fieldOperand()));
            case MATCHES -> Arbitraries.of(REGEXES).map(Operand.Literal::of);
        };
        return operand == null ? Arbitraries.just(Optional.empty()) : operand.map(Optional::of);
    }

    /** Two bounds, mostly of one kind so that they can be compared, in either order. */
    private Arbitrary<Operand> bounds() {
        Arbitrary<Operand> numbers = Arbitraries.of("0", "1", "5", "5.0", "500", "-1")
                .map(text -> new Operand.Literal(new BigDecimal(text)));
        Arbitrary<Operand> relatives = Arbitraries.of("-P1D", "P0D", "PT1H", "P7D")
                .map(text -> new Operand.Relative(IsoDuration.parse(text)));
        Arbitrary<Operand> dates = Arbitraries.of(DATE_LITERALS).map(Operand.Literal::new);
        return Arbitraries.frequencyOf(
                Tuple.of(2, numbers.list().ofSize(2)),
                Tuple.of(2, relatives.list().ofSize(2)),
                Tuple.of(1, dates.list().ofSize(2)),
                Tuple.of(1, scalarOperand().list().ofSize(2))).map(Operand.Literal::new);
    }

    private Arbitrary<Operand> scalarOperand() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, literal()),
                Tuple.of(2, Arbitraries.of(RELATIVES).map(text -> new Operand.Relative(IsoDuration.parse(text)))),
                Tuple.of(2, fieldOperand()));
    }

    private Arbitrary<Operand> literal() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(FIVE_LITERALS)),
                Tuple.of(3, Arbitraries.of(GOLD_LITERALS)),
                Tuple.of(2, Arbitraries.of(DATE_LITERALS)),
                Tuple.of(1, Arbitraries.of(OTHER_LITERALS))).map(Operand.Literal::new);
    }

    private Arbitrary<Operand> fieldOperand() {
        return Arbitraries.of(FIELDS).map(path -> new Operand.FieldRef(FieldPath.parse(path)));
    }

    private Arbitrary<ReferenceEvaluator.World> worlds(Map<String, List<Object>> echoes) {
        Arbitrary<Instant> now = Arbitraries.of(BASE_INSTANT, Instant.parse("2026-01-20T23:30:00Z"),
                Instant.parse("2026-01-27T10:00:00Z"));
        Arbitrary<ZoneId> zone = Arbitraries.of(ZoneOffset.UTC, ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
        Arbitrary<Map<String, Object>> previous = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(null)), Tuple.of(3, member("previous.", echoes)));
        return Combinators.combine(member("member.", echoes), previous, entry("x", echoes.get("event.x")),
                        steps(echoes), now, zone)
                .as((member, before, event, steps, at, in) ->
                        new ReferenceEvaluator.World(member, before, event, Map.of(), steps, at, in));
    }

    private Arbitrary<Map<String, Object>> member(String root, Map<String, List<Object>> echoes) {
        Arbitrary<Object> nested = Arbitraries.frequencyOf(
                Tuple.of(3, values(echoes.get(root + "nested.x")).map(value -> Map.of("x", value))),
                Tuple.of(1, values(List.of())));
        Arbitrary<Object> tags = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("vip", "VIP", "board", "gold", "5").list().ofMaxSize(3).map(list -> list)),
                Tuple.of(1, values(echoes.get(root + "tags"))));
        return Combinators.combine(field(values(echoes.get(root + "a"))), field(values(echoes.get(root + "b"))),
                        field(values(echoes.get(root + "c"))), field(tags), field(nested))
                .as((a, b, c, t, n) -> {
                    Map<String, Object> map = new HashMap<>();
                    put(map, "a", a);
                    put(map, "b", b);
                    put(map, "c", c);
                    put(map, "tags", t);
                    put(map, "nested", n);
                    return map;
                });
    }

    private Arbitrary<Map<String, Object>> entry(String key, @Nullable List<Object> echoes) {
        return field(values(echoes)).map(value -> {
            Map<String, Object> map = new HashMap<>();
            put(map, key, value);
            return map;
        });
    }

    private Arbitrary<Map<String, Object>> steps(Map<String, List<Object>> echoes) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Map.of())),
                Tuple.of(3, entry("v", echoes.get("steps.s1.output.v")).map(output -> Map.of("s1", output))),
                Tuple.of(1, values(echoes.get("steps.s1.output")).map(output -> Map.of("s1", output))));
    }

    /** A field's state: absent, null, or a value. */
    private Arbitrary<Object> field(Arbitrary<Object> values) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Eval.ABSENT)),
                Tuple.of(1, Arbitraries.just(NULL)),
                Tuple.of(10, values));
    }

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static void put(Map<String, Object> map, String key, Object state) {
        if (state == NULL) {
            map.put(key, null);
        } else if (state != Eval.ABSENT) {
            map.put(key, state);
        }
    }

    private Arbitrary<Object> values(@Nullable List<Object> echoes) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, scalars(echoes)),
                Tuple.of(3, scalars(echoes).list().ofMaxSize(3).map(list -> list)),
                Tuple.of(1, scalars(echoes).set().ofMaxSize(3).map(set -> new HashSet<>(set))),
                Tuple.of(1, Arbitraries.of(Map.of(), Map.of("k", "v"), Arrays.asList("gold", null),
                        new ArrayList<>())));
    }

    private Arbitrary<Object> scalars(@Nullable List<Object> echoes) {
        Arbitrary<Object> families = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(FIVES)),
                Tuple.of(3, Arbitraries.of(GOLDS)),
                Tuple.of(3, Arbitraries.of(DATES)),
                Tuple.of(2, Arbitraries.of(OTHERS)));
        return echoes == null || echoes.isEmpty() ? families
                : Arbitraries.frequencyOf(Tuple.of(1, families), Tuple.of(3, Arbitraries.of(echoes)));
    }
}
