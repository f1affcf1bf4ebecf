package io.memberautomation.benchmarks.durable;

import io.memberautomation.jdbc.JdbcPersistence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@link DurableLoad} runs, from its {@code --name value} arguments.
 *
 * @param db          {@code pg}, {@code h2-mem} or {@code h2-file}
 * @param mode        {@code drain}: enroll everything, then start the workers and time the drain;
 *                    {@code concurrent}: workers running while publishers publish, with publish-to-completion
 *                    latencies; {@code waiting}: executions that wait on a 30-day timer, the heap that holds
 *                    them, then the clock moved past the timers and the rate they fire at
 * @param workers     worker threads of the engine
 * @param executions  measured executions (one published event enrolls one)
 * @param publishers  threads publishing events
 * @param warmup      executions run (published concurrently) before the measurement, to warm the JIT
 * @param warmupDrains rounds in which the warm-up is a drain instead: {@code warmup} executions enrolled with the
 *                    workers stopped (in calls of 100), then drained. A drain runs the engine's per-batch code once
 *                    per claimed batch, so that code reaches the JIT's top tier only after some hundred thousand
 *                    executions; without such rounds the measured drain pays for compiling it
 * @param members     members in the directory; events go to them round-robin
 * @param memberStore {@code memory} (the in-memory directory) or {@code jdbc} (the store's own table)
 * @param claimBatch  executions a worker claims per transaction
 * @param pollMillis  the engine's poll interval (idle workers, moving due timers)
 * @param pgUrl       the PostgreSQL database; each run makes a schema of its own there and drops it after
 * @param publishBatch events a publisher hands the engine per call: 1 publishes one by one, more use
 *                    {@code publishAll} (one enrollment transaction per call on a durable store)
 * @param syncCommit  PostgreSQL's {@code synchronous_commit} for the engine's sessions: {@code server} leaves the
 *                    server's setting alone, {@code off} sets it off per session (a commit returns before its WAL
 *                    is flushed: a server crash may lose the last few hundred milliseconds of commits)
 * @param vacuumEvery claimed rows of a table between two vacuums of it by the store (PostgreSQL; 0: autovacuum
 *                    alone), {@code JdbcPersistence.Builder.vacuumEvery}
 */
record LoadOptions(String db, String mode, int workers, int executions, int publishers, int warmup, int members,
                   String memberStore, int claimBatch, int pollMillis, String pgUrl, String pgUser,
                   String pgPassword, String h2Dir, String syncCommit, int publishBatch, int warmupDrains,
                   int vacuumEvery) {
    static final String USAGE = """
            usage: java [-Xmx...] -cp benchmarks.jar io.memberautomation.benchmarks.durable.DurableLoad
              --db pg|h2-mem|h2-file      (default pg)
              --mode drain|concurrent|waiting   (default drain)
              --workers N                 engine worker threads (default 2)
              --executions N              measured executions (default 20000)
              --publishers N              publishing threads (default 2)
              --warmup N                  executions run first, unmeasured (default 5000; 0 for none)
              --warmup-drains N           rounds of enrolling the warm-up's executions, then draining them,
                                          instead of publishing them to running workers (default 0)
              --members N                 members (default 10000)
              --member-store memory|jdbc  (default memory)
              --claim-batch N             (default: the engine's, 64)
              --poll-ms N                 (default: the engine's, 500)
              --pg-url URL                (default jdbc:postgresql://localhost:5432/automation_bench)
              --pg-user U --pg-password P (default automation / automation)
              --h2-dir DIR                directory of the h2-file database (default: java.io.tmpdir)
              --sync-commit server|off    PostgreSQL synchronous_commit of the engine's sessions (default server)
              --publish-batch N           events per publish call; above 1 publishAll (default 1)
              --vacuum-every N            claimed rows between the store's vacuums of a table, 0 for never
                                          (default: the store's, 10000)
            """;
    private static final Set<String> NAMES = Set.of("db", "mode", "workers", "executions", "publishers", "warmup",
            "members", "member-store", "claim-batch", "poll-ms", "pg-url", "pg-user", "pg-password", "h2-dir",
            "sync-commit", "publish-batch", "warmup-drains", "vacuum-every");

    static LoadOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete argument " + args[i] + "\n" + USAGE);
            }
            given.put(name, args[i + 1]);
        }
        LoadOptions options = new LoadOptions(given.getOrDefault("db", "pg"), given.getOrDefault("mode", "drain"),
                number(given, "workers", 2), number(given, "executions", 20_000), number(given, "publishers", 2),
                number(given, "warmup", 5_000), number(given, "members", 10_000),
                given.getOrDefault("member-store", "memory"), number(given, "claim-batch", 64),
                number(given, "poll-ms", 500),
                given.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/automation_bench"),
                given.getOrDefault("pg-user", "automation"), given.getOrDefault("pg-password", "automation"),
                given.getOrDefault("h2-dir", System.getProperty("java.io.tmpdir")),
                given.getOrDefault("sync-commit", "server"), number(given, "publish-batch", 1),
                number(given, "warmup-drains", 0),
                number(given, "vacuum-every", JdbcPersistence.Builder.DEFAULT_VACUUM_EVERY));
        options.check();
        return options;
    }

    boolean postgres() {
        return db.equals("pg");
    }

    private void check() {
        if (!Set.of("pg", "h2-mem", "h2-file").contains(db) || !Set.of("drain", "concurrent", "waiting").contains(mode)
                || !Set.of("memory", "jdbc").contains(memberStore) || !Set.of("server", "off").contains(syncCommit)) {
            throw new IllegalArgumentException("bad --db, --mode, --member-store or --sync-commit\n" + USAGE);
        }
        if (workers < 1 || executions < 1 || publishers < 1 || warmup < 0 || members < 1 || claimBatch < 1
                || pollMillis < 1 || publishBatch < 1 || warmupDrains < 0 || vacuumEvery < 0) {
            throw new IllegalArgumentException("counts must be positive\n" + USAGE);
        }
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }
}
