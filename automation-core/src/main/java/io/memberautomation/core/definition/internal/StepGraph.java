package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ProblemCode;
import io.memberautomation.core.definition.internal.StepReader.Ref;
import io.memberautomation.core.definition.internal.StepReader.StepInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-graph rules: ids unique, references resolve, every loop waits somewhere (a loop without a
 * delay would spin until {@code maxSteps}), and every step can be reached from the entry. Iterative
 * throughout, so the size of a graph never threatens the stack.
 */
final class StepGraph {

    private final List<StepInfo> steps;
    private final Problems problems;
    /** Step id to the index of its first definition. */
    private final Map<String, Integer> index = new LinkedHashMap<>();
    /** Outgoing edges per step index, only to existing steps; empty for duplicates. */
    private final List<List<Ref>> edges = new ArrayList<>();

    private StepGraph(List<StepInfo> steps, Problems problems) {
        this.steps = steps;
        this.problems = problems;
    }

    static void check(List<StepInfo> steps, List<ReadContext.StepOutputRef> outputRefs, Problems problems) {
        StepGraph graph = new StepGraph(steps, problems);
        graph.indexIds();
        graph.resolveReferences(outputRefs);
        graph.findCycles();
        graph.findUnreachable();
    }

    private void indexIds() {
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).id();
            if (id != null && index.putIfAbsent(id, i) != null) {
                problems.error(steps.get(i).at().key("id"), ProblemCode.DUPLICATE_ID, "step id " + Values.quote(id)
                        + " is already used by " + steps.get(index.get(id)).at());
            }
        }
    }

    private boolean isFirst(int i) {
        String id = steps.get(i).id();
        return id != null && index.get(id) == i;
    }

    private void resolveReferences(List<ReadContext.StepOutputRef> outputRefs) {
        for (int i = 0; i < steps.size(); i++) {
            List<Ref> resolved = new ArrayList<>();
            for (Ref ref : steps.get(i).next()) {
                if (!index.containsKey(ref.stepId())) {
                    problems.error(ref.at(), ProblemCode.UNKNOWN_STEP, "no step with id " + Values.quote(ref.stepId()));
                } else if (isFirst(i)) {
                    resolved.add(ref);
                }
            }
            edges.add(resolved);
        }
        for (ReadContext.StepOutputRef ref : outputRefs) {
            if (!index.containsKey(ref.stepId())) {
                problems.error(ref.at(), ProblemCode.UNKNOWN_STEP, "no step with id " + Values.quote(ref.stepId())
                        + " whose output this path could read");
            }
        }
    }

    /** Tarjan's strongly connected components over the steps that do not wait; one problem per component. */
    private void findCycles() {
        int n = steps.size();
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> components = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] != -1 || !inCycleGraph(root)) {
                continue;
            }
            Deque<int[]> calls = new ArrayDeque<>();
            order[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            calls.push(new int[] {root, 0});
            while (!calls.isEmpty()) {
                int[] frame = calls.peek();
                int v = frame[0];
                List<Ref> out = edges.get(v);
                if (frame[1] < out.size()) {
                    int w = index.get(out.get(frame[1]++).stepId());
                    if (!inCycleGraph(w)) {
                        continue;
                    }
                    if (order[w] == -1) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        calls.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    int parent = calls.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    components.add(component);
                }
            }
        }
        components.stream()
                .filter(this::isCycle)
                .sorted((a, b) -> Integer.compare(Collections.min(a), Collections.min(b)))
                .forEach(this::reportCycle);
    }

    private boolean inCycleGraph(int step) {
        return isFirst(step) && !steps.get(step).waits();
    }

    private boolean isCycle(List<Integer> component) {
        if (component.size() > 1) {
            return true;
        }
        int only = component.get(0);
        return edges.get(only).stream().anyMatch(ref -> index.get(ref.stepId()) == only);
    }

    /** Names the shortest loop through the component's first step, at the reference that closes it. */
    private void reportCycle(List<Integer> component) {
        int start = Collections.min(component);
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>();
        Optional<Ref> closing = Optional.empty();
        int last = start;
        queue.add(start);
        parent.put(start, -1);
        while (!queue.isEmpty() && closing.isEmpty()) {
            int v = queue.poll();
            for (Ref ref : edges.get(v)) {
                int w = index.get(ref.stepId());
                if (w == start) {
                    closing = Optional.of(ref);
                    last = v;
                    break;
                }
                if (component.contains(w) && !parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        List<String> names = new ArrayList<>();
        names.add(steps.get(start).id());
        for (int v = last; v != start; v = parent.get(v)) {
            names.add(1, steps.get(v).id());
        }
        names.add(steps.get(start).id());
        problems.error(closing.orElseThrow().at(), ProblemCode.CYCLE_WITHOUT_DELAY, "the steps loop without waiting: "
                + String.join(" -> ", names) + "; put a delay step or a wait action on the loop");
    }

    private void findUnreachable() {
        if (steps.isEmpty() || !isFirst(0)) {
            return;
        }
        boolean[] reached = new boolean[steps.size()];
        Deque<Integer> pending = new ArrayDeque<>();
        reached[0] = true;
        pending.push(0);
        while (!pending.isEmpty()) {
            for (Ref ref : edges.get(pending.pop())) {
                int w = index.get(ref.stepId());
                if (!reached[w]) {
                    reached[w] = true;
                    pending.push(w);
                }
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!reached[i] && isFirst(i)) {
                problems.warning(steps.get(i).at(), ProblemCode.UNREACHABLE_STEP, "step " + Values.quote(steps.get(i).id())
                        + " cannot be reached from the entry step " + Values.quote(steps.get(0).id()));
            }
        }
    }
}
