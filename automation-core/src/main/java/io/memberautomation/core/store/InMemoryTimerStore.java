package io.memberautomation.core.store;

import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.TimerKind;
import io.memberautomation.spi.store.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Timers in a concurrent map by id, with a due-time skip list per kind and a per-execution id set, so
 * moving due timers, claiming schedules and cancelling an execution's timers never scan. Every change to
 * a timer, its index keys included, happens inside {@code compute} on its id.
 *
 * <p>Moving or claiming a timer starts by taking its key out of the due index, so two nodes never queue
 * on the same timer; a timer that changed meanwhile was re-indexed by the change and is left alone (the
 * same scheme as the work queue's claims).
 */
final class InMemoryTimerStore implements TimerStore {
    private final ConcurrentHashMap<String, TimerSlot> timers = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<TimeKey> executionTimersDue = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<TimeKey> schedulesDue = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, Set<String>> timerIdsByExecution = new ConcurrentHashMap<>();
    private final InMemoryWorkQueue queue;
    private final Function<String, @Nullable Object> executionMonitor;

    /**
     * @param executionMonitor the lock an execution's commits hold, or null for an unknown execution;
     *                         moving a timer holds it so a commit is never seen half applied
     */
    InMemoryTimerStore(InMemoryWorkQueue queue, Function<String, @Nullable Object> executionMonitor) {
        this.queue = queue;
        this.executionMonitor = executionMonitor;
    }

    @Override
    public void schedule(DueTimer timer) {
        Objects.requireNonNull(timer, "timer");
        timers.compute(timer.id(), (id, previous) -> reindexed(previous, new TimerSlot(timer, null)));
    }

    @Override
    public void cancel(String timerId) {
        timers.computeIfPresent(timerId, (id, previous) -> reindexed(previous, null));
    }

    @Override
    public void cancelForExecution(String executionId) {
        Set<String> ids = timerIdsByExecution.remove(executionId);
        if (ids == null) {
            return;
        }
        for (String timerId : ids) {
            timers.computeIfPresent(timerId, (id, previous) -> previous.isExecutionTimer()
                    && previous.timer().targetId().equals(executionId) ? reindexed(previous, null) : previous);
        }
    }

    @Override
    public int moveDueToQueue(Instant now, int limit) {
        Times.atLeastOne(limit);
        int moved = 0;
        for (TimeKey key : executionTimersDue) {
            if (moved >= limit || key.at().isAfter(now)) {
                break;
            }
            if (executionTimersDue.remove(key) && moveToQueue(key)) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    public List<DueTimer> claimDueSchedules(String owner, int limit, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Times.atLeastOne(limit);
        Instant until = now.plus(Times.positive(lease, "lease"));
        List<DueTimer> claimed = new ArrayList<>();
        for (TimeKey key : schedulesDue) {
            if (claimed.size() >= limit || key.at().isAfter(now)) {
                break;
            }
            if (!schedulesDue.remove(key)) {
                continue;
            }
            timers.computeIfPresent(key.id(), (id, slot) -> {
                if (slot.isExecutionTimer() || !slot.indexKey().equals(key)) {
                    return slot;
                }
                claimed.add(slot.timer());
                return reindexed(slot, new TimerSlot(slot.timer(), until));
            });
        }
        return claimed;
    }

    /**
     * Deletes or replaces the fired timer only while it is stored unchanged: once a lapsed claim was
     * claimed again and completed by another node, the late completion finds the next occurrence (or
     * nothing) there and changes nothing.
     */
    @Override
    public void completeSchedule(DueTimer fired, Optional<DueTimer> next) {
        boolean[] completed = {false};
        timers.computeIfPresent(fired.id(), (id, slot) -> {
            if (!slot.timer().equals(fired)) {
                return slot;
            }
            completed[0] = true;
            TimerSlot replacement = next.filter(n -> n.id().equals(id)).map(n -> new TimerSlot(n, null)).orElse(null);
            return reindexed(slot, replacement);
        });
        if (completed[0]) {
            next.filter(n -> !n.id().equals(fired.id())).ifPresent(this::schedule);
        }
    }

    @Override
    public Optional<DueTimer> find(String timerId) {
        return Optional.ofNullable(timers.get(timerId)).map(TimerSlot::timer);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        TimeKey execution = first(executionTimersDue);
        TimeKey schedule = first(schedulesDue);
        if (execution == null) {
            return Optional.ofNullable(schedule).map(TimeKey::at);
        }
        return Optional.of(schedule == null ? execution.at() : Times.earliest(execution.at(), schedule.at()));
    }

    private boolean moveToQueue(TimeKey key) {
        TimerSlot candidate = timers.get(key.id());
        if (candidate == null) {
            return false;
        }
        Object monitor = executionMonitor.apply(candidate.timer().targetId());
        if (monitor == null) {
            return moveIfUnchanged(key);
        }
        synchronized (monitor) {
            return moveIfUnchanged(key);
        }
    }

    private boolean moveIfUnchanged(TimeKey key) {
        boolean[] moved = {false};
        timers.computeIfPresent(key.id(), (id, slot) -> {
            if (!slot.isExecutionTimer() || !slot.indexKey().equals(key)) {
                return slot;
            }
            DueTimer timer = slot.timer();
            queue.enqueue(timer.targetId(), timer.organizationId(), timer.dueAt());
            moved[0] = true;
            return reindexed(slot, null);
        });
        return moved[0];
    }

    /** Moves a timer's index entries; called only inside {@code compute} on the timer's id. */
    private @Nullable TimerSlot reindexed(@Nullable TimerSlot previous, @Nullable TimerSlot next) {
        if (previous != null) {
            indexOf(previous).remove(previous.indexKey());
            if (previous.isExecutionTimer()) {
                timerIdsByExecution.computeIfPresent(previous.timer().targetId(), (execution, ids) -> {
                    ids.remove(previous.timer().id());
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
        if (next != null) {
            indexOf(next).add(next.indexKey());
            if (next.isExecutionTimer()) {
                timerIdsByExecution.compute(next.timer().targetId(), (execution, ids) -> {
                    Set<String> updated = ids == null ? new HashSet<>(4) : ids;
                    updated.add(next.timer().id());
                    return updated;
                });
            }
        }
        return next;
    }

    private ConcurrentSkipListSet<TimeKey> indexOf(TimerSlot slot) {
        return slot.timer().kind() == TimerKind.EXECUTION ? executionTimersDue : schedulesDue;
    }

    private static @Nullable TimeKey first(ConcurrentSkipListSet<TimeKey> index) {
        return index.ceiling(TimeKey.lowest(Instant.MIN));
    }
}
