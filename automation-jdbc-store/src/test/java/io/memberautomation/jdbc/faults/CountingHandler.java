package io.memberautomation.jdbc.faults;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code count} action: counts its runs per execution and step, so a test can see a step that ran twice.
 * It may take a while per call, standing for a remote call, so that nodes overlap as they would in production.
 */
final class CountingHandler implements ActionHandler {
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Duration callTime;

    CountingHandler(Duration callTime) {
        this.callTime = callTime;
    }

    @Override
    public String type() {
        return "count";
    }

    @Override
    public ActionResult execute(ActionContext context) {
        runs.computeIfAbsent(context.executionId() + "/" + context.stepId(), k -> new AtomicInteger())
                .incrementAndGet();
        if (!callTime.isZero()) {
            try {
                TimeUnit.NANOSECONDS.sleep(callTime.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ActionResult.success();
    }
}
