package io.memberautomation.jdbc;

import io.memberautomation.jdbc.internal.ChurnVacuum;
import io.memberautomation.jdbc.internal.Database;
import io.memberautomation.jdbc.internal.Jdbc;
import io.memberautomation.jdbc.internal.OutboxBatch;
import io.memberautomation.jdbc.internal.PgOutboxListener;
import io.memberautomation.spi.AutomationException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the transactional outbox {@code automation_outbox} that a host writes in its own transactions
 * (so an event is recorded if and only if the host's change committed) and hands each event to a consumer,
 * typically one that publishes it to the engine.
 *
 * <p>A host writes a row with {@code organization_id}, {@code event_id}, {@code type}, optionally
 * {@code member_id}, a JSON object {@code payload} and {@code occurred_at}; {@code id}, {@code created_at}
 * and {@code processed_at} are the drainer's. Guarantees:
 * <ul>
 *   <li>Each event is handed on at least once, and marked processed in the transaction that claimed it,
 *       right after the consumer returned; a crash in between hands it on again, so the consumer must be
 *       idempotent by event id (the engine's enrollment is).</li>
 *   <li>Events are handed on in id order, and a member's events strictly so, even with several drainers:
 *       rows are claimed with {@code FOR UPDATE SKIP LOCKED}, and a drainer leaves a member's row alone
 *       while an earlier row of that member is held by another.</li>
 *   <li>When the consumer throws, the events before it stay processed, the failed one and those after it
 *       stay in the outbox for the next run, and {@link #drainOnce()} throws. A drainer of batches
 *       ({@link JdbcPersistence#outboxBatchDrainer}) hands each claimed batch on in one call, which a host
 *       makes one {@code publishAll} (one enrollment transaction); when that call throws, the whole batch
 *       stays in the outbox.</li>
 * </ul>
 *
 * <p>{@link #start} drains on a schedule. On PostgreSQL it also LISTENs on the {@code automation_outbox}
 * channel, which an insert trigger notifies, so an event is handed on at once; polling stays as the
 * fallback. The consumer runs inside the claiming transaction, so the pool needs a connection for the
 * drainer besides those the consumer uses.
 */
public final class OutboxDrainer {
    static final int DEFAULT_BATCH_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    private final Database database;
    private final ChurnVacuum vacuum;
    private final Sink sink;
    private final int batchSize;

    /** Hands a claimed batch on; reports how many of its first events were handed on, and any failure. */
    private interface Sink {
        Outcome handOn(List<OutboxEvent> events);
    }

    private OutboxDrainer(Database database, ChurnVacuum vacuum, Sink sink, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.database = database;
        this.vacuum = vacuum;
        this.sink = sink;
        this.batchSize = batchSize;
    }

    /** A drainer handing events to {@code consumer} one at a time. */
    static OutboxDrainer ofEvents(Database database, ChurnVacuum vacuum, Consumer<OutboxEvent> consumer,
            int batchSize) {
        Objects.requireNonNull(consumer, "consumer");
        return new OutboxDrainer(database, vacuum, events -> {
            int handedOn = 0;
            for (OutboxEvent event : events) {
                try {
                    consumer.accept(event);
                } catch (RuntimeException e) {
                    return new Outcome(handedOn, e);
                }
                handedOn++;
            }
            return new Outcome(handedOn, null);
        }, batchSize);
    }

    /**
     * A drainer handing each claimed batch, in id order, to {@code consumer} in one call: all of it is marked
     * processed when the call returns, none of it when the call throws.
     */
    static OutboxDrainer ofBatches(Database database, ChurnVacuum vacuum, Consumer<List<OutboxEvent>> consumer,
            int batchSize) {
        Objects.requireNonNull(consumer, "consumer");
        return new OutboxDrainer(database, vacuum, events -> {
            try {
                consumer.accept(List.copyOf(events));
            } catch (RuntimeException e) {
                return new Outcome(0, e);
            }
            return new Outcome(events.size(), null);
        }, batchSize);
    }

    private record Outcome(int handedOn, @Nullable RuntimeException failure) {}

    /**
     * Hands on one batch of unprocessed events and marks them processed.
     *
     * @return how many events were handed on (fewer than the batch size when the outbox is drained)
     * @throws AutomationException when the consumer threw; the events before it stay processed
     */
    public int drainOnce() {
        vacuum.vacuumIfDue(ChurnVacuum.Table.OUTBOX);
        Outcome outcome = database.transaction("draining the outbox", connection -> {
            List<OutboxEvent> claimed = new ArrayList<>();
            for (OutboxBatch.Row row : OutboxBatch.claim(database, connection, batchSize)) {
                claimed.add(new OutboxEvent(row.id(), row.organizationId(), row.eventId(), row.type(),
                        row.memberId(), row.payload(), row.occurredAt(), row.createdAt()));
            }
            Outcome handed = claimed.isEmpty() ? new Outcome(0, null) : sink.handOn(claimed);
            List<Long> processed = new ArrayList<>(handed.handedOn());
            for (int i = 0; i < handed.handedOn(); i++) {
                processed.add(claimed.get(i).id());
            }
            OutboxBatch.markProcessed(database, connection, processed);
            return handed;
        });
        vacuum.claimed(ChurnVacuum.Table.OUTBOX, outcome.handedOn());
        if (outcome.failure() != null) {
            throw new AutomationException("the outbox consumer failed after " + outcome.handedOn()
                    + " events; the failed event stays in the outbox", outcome.failure());
        }
        return outcome.handedOn();
    }

    /**
     * Drains every {@code poll} on the scheduler (and, on PostgreSQL, as soon as an event is inserted)
     * until the returned handle is closed. Failures are logged and retried at the next run. On PostgreSQL
     * one of the scheduler's threads waits for notifications, up to a second at a time.
     */
    public Running start(ScheduledExecutorService scheduler, Duration poll) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + poll);
        }
        Running running = new Running(scheduler, poll);
        running.polling = scheduler.scheduleWithFixedDelay(running::drain, 0, poll.toNanos(), TimeUnit.NANOSECONDS);
        if (database.dialect().notifiesOutboxInserts()) {
            running.listening = scheduler.schedule(running::listen, 0, TimeUnit.NANOSECONDS);
        }
        return running;
    }

    /**
     * Deletes processed events older than {@code cutoff}, so the outbox stays small.
     *
     * @return how many rows were deleted
     */
    public int purgeProcessedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.transaction("purging the outbox", connection -> {
            try (PreparedStatement purge = database.prepare(connection, "outbox.purge_processed")) {
                Jdbc.setInstant(purge, 1, cutoff);
                return purge.executeUpdate();
            }
        });
    }

    private static void cancel(@Nullable ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * A started drainer; closing it stops the schedule and the listening connection.
     *
     * <p>The listening connection is used by one task at a time: the task takes it out of
     * {@code listener} while it waits and puts it back after, so a close never closes a connection in use;
     * a task that finds the drainer stopped closes the connection itself.
     */
    public final class Running implements AutoCloseable {
        /** The longest one wait for notifications lasts, so a close takes effect soon. */
        private static final Duration MAX_WAIT = Duration.ofSeconds(1);

        private final ScheduledExecutorService scheduler;
        private final Duration poll;
        private final AtomicReference<@Nullable PgOutboxListener> listener = new AtomicReference<>();
        private volatile @Nullable ScheduledFuture<?> polling;
        private volatile @Nullable ScheduledFuture<?> listening;
        private volatile boolean stopped;

        private Running(ScheduledExecutorService scheduler, Duration poll) {
            this.scheduler = scheduler;
            this.poll = poll;
        }

        /** Hands on batches until one comes back short. */
        private void drain() {
            try {
                while (!stopped && drainOnce() == batchSize) {
                    LOG.debug("outbox batch full, draining on");
                }
            } catch (RuntimeException e) {
                LOG.warn("draining the outbox failed; retrying at the next run", e);
            }
        }

        /**
         * Waits a moment for a notification and drains when one came, then runs again at once; after a
         * failure it runs again only after a poll interval (the polling task covers the gap).
         */
        private void listen() {
            if (stopped) {
                return;
            }
            Duration next = Duration.ZERO;
            PgOutboxListener current = listener.getAndSet(null);
            try {
                if (current == null) {
                    current = PgOutboxListener.open(database);
                }
                if (current.await(poll.compareTo(MAX_WAIT) < 0 ? poll : MAX_WAIT)) {
                    drain();
                }
                listener.set(current);
                current = null;
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.warn("listening for outbox notifications failed; polling until it works again", e);
                }
                next = poll;
            } finally {
                closeQuietly(current);
            }
            if (stopped) {
                closeQuietly(listener.getAndSet(null));
            } else if (!scheduler.isShutdown()) {
                listening = scheduler.schedule(this::listen, next.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            stopped = true;
            cancel(polling);
            cancel(listening);
            closeQuietly(listener.getAndSet(null));
        }

        private static void closeQuietly(@Nullable PgOutboxListener idle) {
            if (idle != null) {
                try {
                    idle.close();
                } catch (SQLException e) {
                    LOG.debug("closing the outbox listener failed", e);
                }
            }
        }
    }
}
