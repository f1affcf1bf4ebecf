package io.memberautomation.jdbc;

import io.memberautomation.jdbc.internal.BranchesJson;
import io.memberautomation.jdbc.internal.Database;
import io.memberautomation.jdbc.internal.Jdbc;
import io.memberautomation.jdbc.internal.JdbcTimerStore;
import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.DueTimer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Repairs waiting executions whose timers are gone. The store writes an execution's timers in the same
 * transaction as its state, so this finds nothing in normal operation; it is for a database restored
 * from a partial backup, rows deleted by hand, or a host upgrading from a store that kept timers apart.
 *
 * <p>It walks the {@code waiting} executions that are not queued (a queued execution is awake already),
 * reads each one's branch due times, and re-creates every missing {@code executionId/branchId} timer with
 * the branch's due time, so one already past is moved to the queue at the timer service's next run. Each
 * repair locks the execution's row and checks its revision first, so a concurrent commit wins and the
 * repair skips that execution. Safe to run on several nodes at once and as often as wanted. It pages
 * through every execution in id order (no index on status, so that commits stay cheap): a repair to run
 * after an incident or on a slow schedule, not every few seconds.
 */
public final class Reconciler {
    private static final int PAGE_SIZE = 200;

    private final Database database;
    private final JdbcTimerStore timers;

    Reconciler(Database database, JdbcTimerStore timers) {
        this.database = database;
        this.timers = timers;
    }

    private record Waiting(String id, String organizationId, List<Branch> branches, long revision) {}

    /**
     * Re-creates the missing timers of waiting executions last changed at or before {@code now} (pass a
     * time a little in the past to leave executions changed in the last moments alone).
     *
     * @return how many timers were re-created
     */
    public int reconcile(Instant now) {
        Objects.requireNonNull(now, "now");
        int recreated = 0;
        String after = "";
        while (true) {
            List<Waiting> page = page(after, now);
            for (Waiting waiting : page) {
                List<DueTimer> missing = missing(waiting);
                if (!missing.isEmpty()) {
                    recreated += repair(waiting, missing);
                }
            }
            if (page.size() < PAGE_SIZE) {
                return recreated;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private List<Waiting> page(String after, Instant now) {
        return database.read("finding waiting executions", connection -> {
            List<Waiting> page = new ArrayList<>(PAGE_SIZE);
            try (PreparedStatement select = database.prepare(connection, "executions.waiting_after")) {
                select.setString(1, after);
                Jdbc.setInstant(select, 2, now);
                select.setInt(3, PAGE_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new Waiting(rows.getString("id"), rows.getString("organization_id"),
                                BranchesJson.read(rows.getString("branches")), rows.getLong("revision")));
                    }
                }
            }
            return page;
        });
    }

    /** The timers the execution's delayed and retrying branches need and do not have. */
    private List<DueTimer> missing(Waiting waiting) {
        Set<String> present = database.read("reading the timers of " + waiting.id(),
                connection -> timerIds(connection, waiting.id()));
        List<DueTimer> missing = new ArrayList<>();
        for (Branch branch : waiting.branches()) {
            if (branch.dueAt().isPresent()) {
                DueTimer timer = DueTimer.forExecution(waiting.id(), waiting.organizationId(), branch.id(),
                        branch.dueAt().get());
                if (!present.contains(timer.id())) {
                    missing.add(timer);
                }
            }
        }
        return missing;
    }

    private int repair(Waiting waiting, List<DueTimer> missing) {
        return database.transaction("re-creating the timers of " + waiting.id(), connection -> {
            try (PreparedStatement lock = database.prepare(connection, "executions.lock_waiting")) {
                lock.setString(1, waiting.id());
                lock.setLong(2, waiting.revision());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return 0;
                    }
                }
            }
            Set<String> present = timerIds(connection, waiting.id());
            List<DueTimer> stillMissing = missing.stream().filter(timer -> !present.contains(timer.id())).toList();
            timers.schedule(connection, stillMissing);
            return stillMissing.size();
        });
    }

    private Set<String> timerIds(Connection connection, String executionId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = database.prepare(connection, "executions.timers_of")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
