package io.memberautomation.benchmarks.durable;

import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.benchmarks.BenchWorkflows;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.jdbc.JdbcMemberDirectory;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.spi.member.Member;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Load runner for the engine on {@link JdbcPersistence}. Each run makes a fresh database (a new schema on
 * PostgreSQL, a new H2 database), seeds the members, saves and activates {@link BenchWorkflows#FIVE_STEPS} and
 * {@link BenchWorkflows#DELAYED}, warms the JIT with {@code --warmup} executions (published
 * to running workers, or in {@code --warmup-drains} rounds enrolled and then drained), then measures one mode (see
 * {@link LoadOptions}) and prints its figures. Every phase runs on its own connection pool, closed at the end of
 * the phase, so that PostgreSQL's per-database transaction counts are complete when read (see
 * {@link PgCounters}). Throughputs are timed from the engine's start (or the first publish) to the latest
 * {@code completed_at} the store recorded; latencies from just before {@code publish} to the execution's
 * {@code completed_at} (both read from the same system clock).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.memberautomation.benchmarks.durable.DurableLoad \
 *     --db pg --mode drain --workers 4 --executions 50000
 * </pre>
 */
public final class DurableLoad {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** How often the runner asks whether the work is done: rates are timed from the store's completed_at, not by this. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** Events per publish call while warming up with drains: only the drain is meant to warm up. */
    private static final int WARMUP_PUBLISH_BATCH = 100;

    private final LoadOptions options;
    private final BenchDatabase database;
    private final Optional<PgCounters> counters;
    private final InMemoryMemberDirectory memoryMembers = new InMemoryMemberDirectory();
    private final ShiftableClock clock = new ShiftableClock();
    private final CountingDataSource counting = new CountingDataSource();

    private DurableLoad(LoadOptions options, BenchDatabase database, Optional<PgCounters> counters) {
        this.options = options;
        this.database = database;
        this.counters = counters;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        try (BenchDatabase database = BenchDatabase.open(options)) {
            Optional<PgCounters> counters = options.postgres()
                    ? Optional.of(new PgCounters(options.pgUrl(), options.pgUser(), options.pgPassword()))
                    : Optional.empty();
            try {
                new DurableLoad(options, database, counters).run();
            } finally {
                if (counters.isPresent()) {
                    counters.get().close();
                }
            }
        }
    }

    private void run() throws Exception {
        printHeader();
        setUp();
        for (int round = 1; round <= options.warmupDrains() && options.warmup() > 0; round++) {
            String prefix = "warmup-" + round;
            phase("warmup drain " + round, pool -> {
                try (AutomationEngine engine = engine(pool)) {
                    new Publishers(engine, options.publishers(), options.members(), WARMUP_PUBLISH_BATCH)
                            .publish(prefix, TriggerType.PAYMENT_SUCCEEDED, options.warmup(), false);
                    engine.start();
                    awaitEmpty(false);
                    return "enrolled and drained " + options.warmup() + " executions";
                }
            });
        }
        if (options.warmup() > 0 && options.warmupDrains() == 0) {
            phase("warmup", pool -> {
                try (AutomationEngine engine = engine(pool).start()) {
                    Publishers.Published published = publishers(engine).publish("warmup", TriggerType.PAYMENT_SUCCEEDED,
                            options.warmup(), false);
                    awaitEmpty(false);
                    return "warmed up on " + published.created() + " executions";
                }
            });
        }
        switch (options.mode()) {
            case "drain" -> drain();
            case "concurrent" -> concurrent();
            default -> waiting();
        }
    }

    /** Members, definitions and schema, on a pool of their own (not measured). */
    private void setUp() throws Exception {
        HikariDataSource pool = database.newPool(2);
        JdbcPersistence persistence = JdbcPersistence.builder(pool).autoCreateSchema(true).build();
        JdbcMemberDirectory jdbcMembers = persistence.memberDirectory();
        boolean jdbc = options.memberStore().equals("jdbc");
        for (int i = 0; i < options.members(); i++) {
            Member member = new Member("m-" + i, BenchWorkflows.ORG, Map.of("status", "active",
                    "email", "m" + i + "@example.org", "tier", i % 2 == 0 ? "gold" : "silver"));
            if (jdbc) {
                jdbcMembers.put(member);
            } else {
                memoryMembers.put(member);
            }
        }
        try (AutomationEngine engine = engine(pool)) {
            for (String json : List.of(BenchWorkflows.FIVE_STEPS, BenchWorkflows.DELAYED)) {
                engine.activate(BenchWorkflows.ORG, engine.save(json).automation().id());
            }
        }
        database.closePool(pool);
    }

    /** Everything enrolled first with the workers stopped; then the workers start and the queue is timed. */
    private void drain() throws Exception {
        Instant[] enrolledFrom = new Instant[1];
        phase("enroll (workers stopped)", pool -> {
            try (AutomationEngine engine = engine(pool)) {
                enrolledFrom[0] = clock.now();
                Publishers.Published published = publishers(engine).publish("run", TriggerType.PAYMENT_SUCCEEDED,
                        options.executions(), false);
                expect(published.created(), "executions enrolled");
                return rate("enrolled", published.created(), Duration.between(published.started(), published.finished()));
            }
        });
        phase("drain (" + options.workers() + " workers)", pool -> {
            try (AutomationEngine engine = engine(pool)) {
                Instant start = clock.now();
                engine.start();
                awaitEmpty(false);
                Instant last = database.lastCompletion(BenchWorkflows.FIVE_STEPS_ID, enrolledFrom[0]).orElseThrow();
                expect(database.count(BenchWorkflows.FIVE_STEPS_ID, "completed", enrolledFrom[0]), "executions completed");
                return rate("completed", options.executions(), Duration.between(start, last));
            }
        });
    }

    /** Workers running while the publishers publish; latencies from publish to completion. */
    private void concurrent() throws Exception {
        phase("publish and run together (" + options.workers() + " workers, " + options.publishers()
                + " publishers)", pool -> {
            try (AutomationEngine engine = engine(pool).start()) {
                Publishers.Published published = publishers(engine).publish("run", TriggerType.PAYMENT_SUCCEEDED,
                        options.executions(), true);
                expect(published.created(), "executions enrolled");
                awaitEmpty(false);
                Map<String, Instant> completed = database.completions(BenchWorkflows.FIVE_STEPS_ID);
                List<Long> micros = new ArrayList<>();
                Instant last = published.started();
                for (Map.Entry<String, Instant> entry : published.publishedAt().entrySet()) {
                    Instant done = completed.get(entry.getKey());
                    if (done == null) {
                        throw new IllegalStateException("execution " + entry.getKey() + " did not complete");
                    }
                    last = done.isAfter(last) ? done : last;
                    micros.add(Duration.between(entry.getValue(), done).toNanos() / 1_000);
                }
                Collections.sort(micros);
                return "published " + published.created() + " in "
                        + millis(Duration.between(published.started(), published.finished()))
                        + "; queue empty (last completion) " + millis(Duration.between(published.started(), last))
                        + " after the first publish: " + perSecond(published.created(),
                        Duration.between(published.started(), last)) + " executions/s\n"
                        + "  publish -> completed_at: p50 " + pct(micros, 50) + " ms, p90 " + pct(micros, 90)
                        + " ms, p99 " + pct(micros, 99) + " ms, max " + pct(micros, 100) + " ms";
            }
        });
    }

    /** Executions waiting on a timer: the heap while the engine holds them, then the rate the timers fire at. */
    private void waiting() throws Exception {
        Instant[] enrolledFrom = new Instant[1];
        phase("enroll " + options.executions() + " waiting executions (" + options.workers() + " workers running)",
                pool -> {
                    try (AutomationEngine engine = engine(pool).start()) {
                        enrolledFrom[0] = clock.now();
                        Publishers.Published published = publishers(engine).publish("wait", TriggerType.PAYMENT_FAILED,
                                options.executions(), false);
                        expect(published.created(), "executions enrolled");
                        awaitEmpty(false);
                        expect(database.count(BenchWorkflows.DELAYED_ID, "waiting", enrolledFrom[0]),
                                "executions waiting");
                        Duration took = Duration.between(published.started(), Instant.now());
                        return rate("enrolled and waiting", published.created(), took) + "\n  " + heapAfterGc();
                    }
                });
        clock.shift(Duration.ofDays(31));
        phase("fire the timers (clock moved 31 days, " + options.workers() + " workers)", pool -> {
            try (AutomationEngine engine = engine(pool)) {
                Instant start = clock.now();
                Instant wallStart = Instant.now();
                engine.start();
                Duration timersMoved = awaitEmpty(true);
                Instant last = database.lastCompletion(BenchWorkflows.DELAYED_ID, enrolledFrom[0]).orElseThrow();
                expect(database.count(BenchWorkflows.DELAYED_ID, "completed", enrolledFrom[0]), "executions completed");
                return rate("timers fired and executions completed", options.executions(), Duration.between(start, last))
                        + " (timers and queue seen empty " + millis(timersMoved) + " after the start; poll "
                        + options.pollMillis() + " ms)" + "; wall " + millis(Duration.between(wallStart, Instant.now()));
            }
        });
    }

    /** Runs one measured phase on a pool of its own, filled first, and prints what it did and what it cost. */
    private void phase(String name, PhaseWork work) throws Exception {
        long monitorBefore = database.monitorQueries();
        HikariDataSource pool = database.newPool(options.workers() + options.publishers() + 4);
        database.fill(pool);
        Optional<PgCounters.Snapshot> before = snapshot();
        CountingDataSource.Counts clientBefore = counting.read();
        long cpuBefore = cpuNanos();
        Instant wallBefore = Instant.now();
        String outcome;
        try {
            outcome = work.run(pool);
        } finally {
            database.closePool(pool);
        }
        Duration wall = Duration.between(wallBefore, Instant.now());
        double cpu = (cpuNanos() - cpuBefore) / 1e9;
        System.out.println("== " + name);
        System.out.println("  " + outcome);
        System.out.printf("  JVM CPU %.1f s over %.1f s wall (%.0f%% of %d cores)%n", cpu, wall.toMillis() / 1e3,
                100 * cpu / Math.max(0.001, wall.toMillis() / 1e3) / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        int n = name.startsWith("warmup") ? Math.max(1, options.warmup()) : options.executions();
        CountingDataSource.Counts client = counting.read().since(clientBefore);
        System.out.printf("  store's connections (client side): %d commits, %d rollbacks, %d borrows;"
                        + " per execution %.3f commits, %.3f reads%n", client.commits(), client.rollbacks(),
                client.borrows(), client.commits() / (double) n,
                (client.borrows() - client.commits() - client.rollbacks()) / (double) n);
        if (before.isPresent()) {
            PgCounters.Snapshot delta = snapshot().orElseThrow().since(before.get());
            long monitor = database.monitorQueries() - monitorBefore;
            System.out.printf("  PostgreSQL: %d write transactions (xid delta, whole server), %d commits + %d rollbacks"
                            + " in the database (reads included; %d of them the runner's own polls), %d WAL bytes;"
                            + " other databases: %d transactions, %d rows written%s%n",
                    delta.nextXid(), delta.commits(), delta.rollbacks(), monitor, delta.walBytes(),
                    delta.otherTransactions(), delta.otherRowWrites(),
                    delta.otherRowWrites() > 0 ? " (so the server-wide xid and WAL deltas include theirs)" : "");
            System.out.printf("  per execution: %.3f write transactions, %.3f transactions in the database"
                            + " (less the runner's), %.0f WAL bytes%n", delta.nextXid() / (double) n,
                    (delta.commits() + delta.rollbacks() - monitor) / (double) n, delta.walBytes() / (double) n);
        }
    }

    private interface PhaseWork {
        String run(HikariDataSource pool) throws Exception;
    }

    private AutomationEngine engine(HikariDataSource pool) {
        JdbcPersistence persistence = JdbcPersistence.builder(counting.wrap(pool)).autoCreateSchema(true)
                .vacuumEvery(options.vacuumEvery()).build();
        return AutomationEngine.builder()
                .persistence(persistence)
                .members(options.memberStore().equals("jdbc") ? persistence.memberDirectory() : memoryMembers)
                .clock(clock)
                .actionHandler(new BenchWorkflows.NoOpHandler())
                .workerThreads(options.workers())
                .claimBatchSize(options.claimBatch())
                .pollInterval(Duration.ofMillis(options.pollMillis()))
                .build();
    }

    private Publishers publishers(AutomationEngine engine) {
        return new Publishers(engine, options.publishers(), options.members(), options.publishBatch());
    }

    /** Waits until nothing is queued (and, if asked, no timer is pending); returns how long that took. */
    private Duration awaitEmpty(boolean withTimers) throws SQLException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(TIMEOUT);
        while (database.outstanding(withTimers)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("still not drained after " + TIMEOUT);
            }
            Thread.sleep(POLL.toMillis());
        }
        return Duration.between(start, Instant.now());
    }

    private Optional<PgCounters.Snapshot> snapshot() throws SQLException {
        return counters.isPresent() ? Optional.of(counters.get().read()) : Optional.empty();
    }

    private void expect(long actual, String what) {
        if (actual != options.executions()) {
            throw new IllegalStateException("expected " + options.executions() + " " + what + ", got " + actual);
        }
    }

    private void printHeader() throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("DurableLoad " + options);
        System.out.println("database: " + database.describe());
        if (counters.isPresent()) {
            System.out.println("PostgreSQL: " + counters.get().settings());
        }
        System.out.printf("JVM: %s %s, %d processors, max heap %d MB; load average at start %.2f; %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Instant.now());
    }

    private static String heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "heap used after System.gc(), engine running and holding them: " + (used >> 20) + " MB of max "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String rate(String what, long count, Duration took) {
        return what + " " + count + " in " + millis(took) + ": " + perSecond(count, took) + "/s";
    }

    private static String perSecond(long count, Duration took) {
        return String.format("%,.0f", count / Math.max(1e-9, took.toNanos() / 1e9));
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String pct(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return String.format("%.1f", sortedMicros.get(Math.max(0, index)) / 1000.0);
    }

}
