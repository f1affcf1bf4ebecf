package io.memberautomation.core.store;

import io.memberautomation.core.internal.ScopedKey;
import io.memberautomation.core.store.EnrollmentLedger.GuardKey;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionPage;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.NewExecution;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.WorkLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Executions and step logs. A commit locks only its own execution; an enrollment locks only the ledger
 * stripes of its event, guards and execution ids. Queue and timer changes go to the persistence's
 * queue and timer store while that lock is held, after every check has passed, so a refused call
 * changes nothing and a reader never sees half of one.
 */
final class InMemoryExecutionStore implements ExecutionStore {
    private final ExecutionTable table;
    private final EnrollmentLedger ledger;
    private final InMemoryWorkQueue queue;
    private final InMemoryTimerStore timers;

    InMemoryExecutionStore(ExecutionTable table, EnrollmentLedger ledger, InMemoryWorkQueue queue,
                           InMemoryTimerStore timers) {
        this.table = table;
        this.ledger = ledger;
        this.queue = queue;
        this.timers = timers;
    }

    @Override
    public EnrollmentResult enroll(Enrollment enrollment) {
        checkWellFormed(enrollment);
        List<Object> keys = new ArrayList<>();
        enrollment.eventId().ifPresent(event -> keys.add(new ScopedKey(enrollment.organizationId(), event)));
        for (NewExecution created : enrollment.executions()) {
            keys.add(created.execution().id());
            guardKey(created.execution()).ifPresent(keys::add);
        }
        return ledger.locked(keys, () -> enrollLocked(enrollment));
    }

    private EnrollmentResult enrollLocked(Enrollment enrollment) {
        Optional<ScopedKey> event = enrollment.eventId().map(id -> new ScopedKey(enrollment.organizationId(), id));
        if (event.isPresent() && ledger.seen(event.get())) {
            return new EnrollmentResult(true, List.of(), List.of());
        }
        for (NewExecution candidate : enrollment.executions()) {
            if (table.contains(candidate.execution().id())) {
                throw new ConcurrentUpdateException("execution " + candidate.execution().id() + " already exists");
            }
        }
        event.ifPresent(key -> ledger.markSeen(key, enrollment.receivedAt()));
        List<String> created = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (NewExecution candidate : enrollment.executions()) {
            ExecutionRecord record = candidate.execution();
            Optional<GuardKey> guard = guardKey(record);
            if (guard.isPresent() && !ledger.admit(guard.get(), candidate.guard(), record.createdAt(),
                    !record.status().isTerminal())) {
                refused.add(record.id());
                continue;
            }
            table.insert(new ExecutionSlot(record, candidate.stepLogs()));
            queue.enqueue(record.id(), record.organizationId(), enrollment.receivedAt());
            created.add(record.id());
        }
        return new EnrollmentResult(false, created, refused);
    }

    @Override
    public List<MemberChange> commit(ExecutionCommit commit) {
        ExecutionRecord next = commit.execution();
        if (!commit.memberUpdates().isEmpty()) {
            throw new IllegalArgumentException("the in-memory persistence has no transactional members: the engine"
                    + " applies member changes through its directory");
        }
        commit.lease().ifPresent(lease -> {
            if (!lease.executionId().equals(next.id())) {
                throw new IllegalArgumentException("the lease of " + lease.executionId() + " cannot commit " + next.id());
            }
        });
        ExecutionSlot slot = table.slot(next.id());
        if (slot == null) {
            throw new ConcurrentUpdateException("no execution " + next.id() + " to commit");
        }
        synchronized (slot) {
            ExecutionRecord current = slot.record();
            checkSameExecution(current, next);
            if (current.revision() != commit.expectedRevision()) {
                throw new ConcurrentUpdateException("execution " + next.id() + " is at revision " + current.revision()
                        + ", the commit read " + commit.expectedRevision());
            }
            slot.checkNewSequences(commit.stepLogs());
            settleQueue(commit);
            slot.replace(next);
            slot.append(commit.stepLogs());
            if (commit.cancelTimers()) {
                timers.cancelForExecution(next.id());
            }
            commit.timers().forEach(timers::schedule);
            countFinished(current, next);
        }
        return List.of();
    }

    /** The lease check happens here, atomically with the queue change, before anything else is written. */
    private void settleQueue(ExecutionCommit commit) {
        ExecutionRecord next = commit.execution();
        Optional<WorkLease> lease = commit.lease();
        if (lease.isPresent()) {
            queue.settle(lease.get(), commit.requeueAt());
        } else {
            commit.requeueAt().ifPresent(at -> queue.enqueue(next.id(), next.organizationId(), at));
        }
    }

    private void countFinished(ExecutionRecord current, ExecutionRecord next) {
        boolean wasLive = !current.status().isTerminal();
        boolean isLive = !next.status().isTerminal();
        if (wasLive != isLive) {
            guardKey(next).ifPresent(key -> ledger.unfinishedChanged(key, isLive ? 1 : -1));
        }
    }

    @Override
    public Optional<ExecutionRecord> find(String executionId) {
        ExecutionSlot slot = table.slot(executionId);
        return slot == null ? Optional.empty() : Optional.of(slot.record());
    }

    @Override
    public List<StepLogEntry> stepLogs(String executionId) {
        ExecutionSlot slot = table.slot(executionId);
        return slot == null ? List.of() : slot.logs();
    }

    @Override
    public ExecutionPage query(ExecutionQuery query) {
        Iterable<ExecutionSlot> candidates = query.memberId()
                .map(member -> (Iterable<ExecutionSlot>) table.ofMember(query.organizationId(), member))
                .orElseGet(() -> range(table.ofOrganization(query.organizationId()), query).values());
        Optional<TimeKey> after = query.cursor().map(ExecutionCursor::decode);
        List<ExecutionRecord> page = new ArrayList<>(Math.min(query.limit(), 256));
        @Nullable TimeKey last = null;
        for (ExecutionSlot slot : candidates) {
            TimeKey key = slot.creationKey();
            if (query.createdBefore().isPresent() && !key.at().isBefore(query.createdBefore().get())) {
                break;
            }
            if (after.isPresent() && key.compareTo(after.get()) <= 0
                    || query.createdFrom().isPresent() && key.at().isBefore(query.createdFrom().get())) {
                continue;
            }
            ExecutionRecord record = slot.matching(query.automationId(), query.statuses());
            if (record == null) {
                continue;
            }
            if (page.size() == query.limit()) {
                return new ExecutionPage(page, Optional.of(ExecutionCursor.encode(Objects.requireNonNull(last))));
            }
            page.add(record);
            last = key;
        }
        return new ExecutionPage(page, Optional.empty());
    }

    @Override
    public List<ExecutionRecord> findUnfinished(String organizationId, String memberId) {
        List<ExecutionRecord> unfinished = new ArrayList<>();
        for (ExecutionSlot slot : table.ofMember(organizationId, memberId)) {
            ExecutionRecord record = slot.unfinished();
            if (record != null) {
                unfinished.add(record);
            }
        }
        return unfinished;
    }

    /** Where in the organization's index a query starts; the loop in {@link #query} checks the bounds again. */
    private static NavigableMap<TimeKey, ExecutionSlot> range(NavigableMap<TimeKey, ExecutionSlot> index,
                                                              ExecutionQuery query) {
        Optional<TimeKey> from = query.createdFrom().map(TimeKey::lowest);
        Optional<TimeKey> after = query.cursor().map(ExecutionCursor::decode);
        if (after.isPresent() && (from.isEmpty() || after.get().compareTo(from.get()) >= 0)) {
            return index.tailMap(after.get(), false);
        }
        return from.map(start -> index.tailMap(start, true)).orElse(index);
    }

    private static Optional<GuardKey> guardKey(ExecutionRecord record) {
        return record.memberId().map(member -> new GuardKey(record.organizationId(), record.automationId(), member));
    }

    private static void checkWellFormed(Enrollment enrollment) {
        // most enrollments create one execution without logs: no sets to build for them
        Set<String> ids = enrollment.executions().size() > 1 ? new HashSet<>() : Set.of();
        for (NewExecution candidate : enrollment.executions()) {
            ExecutionRecord record = candidate.execution();
            if (!record.organizationId().equals(enrollment.organizationId())) {
                throw new IllegalArgumentException("execution " + record.id() + " belongs to organization "
                        + record.organizationId() + ", not " + enrollment.organizationId());
            }
            if (enrollment.executions().size() > 1 && !ids.add(record.id())) {
                throw new IllegalArgumentException("execution " + record.id() + " appears twice in one enrollment");
            }
            if (candidate.stepLogs().isEmpty()) {
                continue;
            }
            Set<Integer> sequences = new HashSet<>();
            for (StepLogEntry entry : candidate.stepLogs()) {
                if (!entry.executionId().equals(record.id()) || !sequences.add(entry.sequence())) {
                    throw new IllegalArgumentException("bad step log " + entry.sequence() + " for new execution "
                            + record.id());
                }
            }
        }
    }

    /** A commit may change an execution's state, never which execution it is. */
    private static void checkSameExecution(ExecutionRecord current, ExecutionRecord next) {
        if (!current.organizationId().equals(next.organizationId()) || !current.automationId().equals(next.automationId())
                || !current.memberId().equals(next.memberId()) || !current.createdAt().equals(next.createdAt())) {
            throw new IllegalArgumentException("a commit cannot change the identity of execution " + next.id());
        }
    }
}
