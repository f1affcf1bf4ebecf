package io.memberautomation.core.condition;

/** A compiled condition node. An abstract class rather than an interface: virtual calls dispatch faster. */
abstract class Node {
    abstract boolean test(EvaluationContext ctx);

    abstract Explanation explain(EvaluationContext ctx);
}
