package io.memberautomation.jdbc;

import io.memberautomation.jdbc.internal.ChurnVacuum;
import io.memberautomation.jdbc.internal.Database;
import io.memberautomation.jdbc.internal.Jdbc;
import io.memberautomation.jdbc.internal.JdbcDefinitionStore;
import io.memberautomation.jdbc.internal.JdbcEmailSendLog;
import io.memberautomation.jdbc.internal.JdbcExecutionStore;
import io.memberautomation.jdbc.internal.JdbcMessageLedger;
import io.memberautomation.jdbc.internal.JdbcTimerStore;
import io.memberautomation.jdbc.internal.JdbcWorkQueue;
import io.memberautomation.jdbc.internal.LeaseTimes;
import io.memberautomation.jdbc.internal.SchemaMigrator;
import io.memberautomation.spi.delivery.EmailSendLog;
import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.ExecutionStore;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.TimerStore;
import io.memberautomation.spi.store.WorkQueue;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The engine's durable persistence on PostgreSQL (production) or H2 (embedded), over a host's
 * {@link DataSource}: definitions, executions and step logs, the work queue and timers, in one database,
 * so an enrollment or a commit writes its records, timers and queue entries in one transaction. The same
 * database keeps the ledger of sent messages that frequency caps count ({@link #messageLedger()}) and the
 * record of email sends ({@link #emailSendLog()}), for the host to plug in where it wants them durable.
 *
 * <p>What it guarantees, beyond the SPI's own contracts (which it passes, as checked by the SPI's
 * contract suites on both databases):
 * <ul>
 *   <li>Everything accepted survives a crash of any engine node: it is committed before a call returns.</li>
 *   <li>Several engine nodes may share the database. Queued work and due timers are claimed with
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED}, so nodes claim disjoint batches without waiting on each
 *       other; each claim carries a fencing token from a database sequence, and a commit or completion
 *       under a token that another claim replaced is refused, so a node whose lease lapsed cannot
 *       overwrite the work of the node that took over. A lapsed lease is simply claimable again: there is
 *       no separate sweeper.</li>
 *   <li>A commit is refused with {@link io.memberautomation.spi.ConcurrentUpdateException} when the
 *       execution's revision moved on or its lease is no longer current, and changes nothing then.
 *       Transient database trouble (a lost connection, a deadlock, a serialization failure, a lock
 *       timeout) is reported as {@link io.memberautomation.spi.InfrastructureException}, which the engine
 *       retries.</li>
 * </ul>
 *
 * <p>Due times (of queued work and timers) follow the {@code now} the engine passes with every call, so a
 * test clock drives them. Lease ends, and whether a lease lapsed, follow the database's clock by default
 * ({@link LeaseClock#DATABASE}): nodes whose clocks disagree still agree on who holds which work, and a
 * node with a fast clock cannot take over the work of a live node. Whatever the clocks, the fencing
 * tokens keep the data safe.
 *
 * <p>The connections must run at READ COMMITTED (the default of both databases; a stricter default is
 * lowered per transaction). Instants are stored with microsecond precision.
 *
 * <p>The schema is a set of versioned scripts per database under {@code io/memberautomation/jdbc/schema/},
 * named for Flyway. Either apply them with a migration tool, or build with {@link Builder#autoCreateSchema
 * autoCreateSchema(true)} to have the missing ones applied at build time.
 */
public final class JdbcPersistence implements Persistence {
    private final Database database;
    private final JdbcDefinitionStore definitions;
    private final JdbcExecutionStore executions;
    private final JdbcWorkQueue queue;
    private final JdbcTimerStore timers;
    private final JdbcMemberDirectory members;
    private final JdbcMessageLedger ledger;
    private final JdbcEmailSendLog emailSends;
    private final ChurnVacuum vacuum;

    private JdbcPersistence(Database database, LeaseTimes leaseTimes, ChurnVacuum vacuum) {
        this.database = database;
        this.vacuum = vacuum;
        this.definitions = new JdbcDefinitionStore(database);
        this.executions = new JdbcExecutionStore(database);
        this.queue = new JdbcWorkQueue(database, leaseTimes, vacuum);
        this.timers = new JdbcTimerStore(database, leaseTimes, vacuum);
        this.members = new JdbcMemberDirectory(database);
        this.ledger = new JdbcMessageLedger(database);
        this.emailSends = new JdbcEmailSendLog(database);
    }

    /** A builder over the host's data source; the host owns the pool and closes it. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public DefinitionStore definitions() {
        return definitions;
    }

    @Override
    public ExecutionStore executions() {
        return executions;
    }

    @Override
    public WorkQueue queue() {
        return queue;
    }

    @Override
    public TimerStore timers() {
        return timers;
    }

    /**
     * The member directory over {@code automation_members} in the same database; always the same instance.
     * Give this one to the engine ({@code AutomationEngine.builder().members(...)}) to have member actions
     * commit with their step records (see {@link #transactionalMembers()}).
     */
    public JdbcMemberDirectory memberDirectory() {
        return members;
    }

    /**
     * {@link #memberDirectory()}: a commit applies its member updates to {@code automation_members}, with
     * the member's row locked ({@code SELECT ... FOR UPDATE}), in the transaction that writes its step log
     * entries, so a tag, field or segment change of a member action is recorded exactly once, together with
     * its step. An engine given another directory (even one over the same table) applies changes through it,
     * at-least-once.
     */
    @Override
    public Optional<MemberDirectory> transactionalMembers() {
        return Optional.of(members);
    }

    /**
     * The ledger of sent messages over {@code automation_message_ledger}, shared by every node on the
     * database; always the same instance. The engine keeps its ledger in memory unless given this one
     * ({@code AutomationEngine.builder().messageLedger(persistence.messageLedger())}): only then do
     * frequency caps count the sends of every node and survive a restart.
     */
    public MessageLedger messageLedger() {
        return ledger;
    }

    /**
     * The record of email sends over {@code automation_email_sends} (one row per attempt, a retried send
     * included); always the same instance. For a host's email sender that keeps the seed's
     * {@code email_sends} record.
     */
    public EmailSendLog emailSendLog() {
        return emailSends;
    }

    /** A drainer of {@code automation_outbox} that hands each event to {@code consumer}, 100 per batch. */
    public OutboxDrainer outboxDrainer(Consumer<OutboxEvent> consumer) {
        return outboxDrainer(consumer, OutboxDrainer.DEFAULT_BATCH_SIZE);
    }

    /**
     * A drainer of {@code automation_outbox} that hands each event to {@code consumer}, up to
     * {@code batchSize} per transaction.
     */
    public OutboxDrainer outboxDrainer(Consumer<OutboxEvent> consumer, int batchSize) {
        return OutboxDrainer.ofEvents(database, vacuum, consumer, batchSize);
    }

    /**
     * A drainer of {@code automation_outbox} that hands each claimed batch of up to {@code batchSize} events,
     * in id order, to {@code consumer} in one call, typically {@code engine.publishAll}: the events' enrollments
     * then cost one transaction per batch rather than one per event. The batch is marked processed when the
     * call returns, and stays in the outbox whole when it throws.
     */
    public OutboxDrainer outboxBatchDrainer(Consumer<List<OutboxEvent>> consumer, int batchSize) {
        return OutboxDrainer.ofBatches(database, vacuum, consumer, batchSize);
    }

    /** The repair of waiting executions whose timers were lost (see {@link Reconciler}). */
    public Reconciler reconciler() {
        return new Reconciler(database, timers);
    }

    /**
     * Forgets the ids of events received before {@code cutoff}, so the table of processed events stays
     * bounded. Choose a cutoff older than any redelivery the host's sources can make: an event published
     * again after its id was purged enrolls again.
     *
     * @return how many event ids were forgotten
     */
    public int purgeEventIdsBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.transaction("purging processed event ids", connection -> {
            try (PreparedStatement purge = database.prepare(connection, "executions.purge_events")) {
                Jdbc.setInstant(purge, 1, cutoff);
                return purge.executeUpdate();
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcPersistence[" + database.dialect() + "]";
    }

    /** Options of a {@link JdbcPersistence}. */
    public static final class Builder {
        /** The default of {@link #vacuumEvery}. */
        public static final int DEFAULT_VACUUM_EVERY = 10_000;

        private final DataSource dataSource;
        private boolean autoCreateSchema;
        private LeaseClock leaseClock = LeaseClock.DATABASE;
        private int vacuumEvery = DEFAULT_VACUUM_EVERY;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Which clock lease ends follow (default {@link LeaseClock#DATABASE}); {@link LeaseClock#ENGINE} is
         * for tests that expire leases by moving a test clock.
         */
        public Builder leaseClock(LeaseClock clock) {
            this.leaseClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether {@link #build()} applies the schema scripts the database has not seen (default false: the
         * host applies them with its migration tool, and {@code build()} fails clearly when they are missing).
         */
        public Builder autoCreateSchema(boolean autoCreate) {
            this.autoCreateSchema = autoCreate;
            return this;
        }

        /**
         * How many rows this node's claims take from the queue (and from the timers, and the outbox) between
         * two vacuums of that table by this node (PostgreSQL; default {@value #DEFAULT_VACUUM_EVERY}; 0
         * leaves the tables to autovacuum). Every claim walks the index entries of the rows consumed since the
         * last vacuum, and autovacuum comes at most once a minute: a queue drained at thousands of rows a
         * second then costs its claims several times what they cost on a vacuumed table. The vacuum runs on
         * the thread that claims, between two claims, and takes milliseconds; it needs the role to own the
         * tables, and without that it is skipped with one log line. H2 needs no vacuum and ignores this.
         */
        public Builder vacuumEvery(int claimedRows) {
            if (claimedRows < 0) {
                throw new IllegalArgumentException("claimed rows between vacuums must be 0 (never) or more: "
                        + claimedRows);
            }
            this.vacuumEvery = claimedRows;
            return this;
        }

        /**
         * Connects once to recognise the database and to create or check the schema.
         *
         * @throws io.memberautomation.spi.AutomationException when the database is neither PostgreSQL nor
         *         H2, or when the schema is missing and not to be created
         */
        public JdbcPersistence build() {
            Database database = Database.open(dataSource);
            SchemaMigrator schema = new SchemaMigrator(database);
            if (autoCreateSchema) {
                schema.migrate();
            } else {
                schema.check();
            }
            return new JdbcPersistence(database,
                    leaseClock == LeaseClock.DATABASE ? LeaseTimes.databaseClock() : LeaseTimes.engineClock(),
                    new ChurnVacuum(database, vacuumEvery));
        }
    }
}
