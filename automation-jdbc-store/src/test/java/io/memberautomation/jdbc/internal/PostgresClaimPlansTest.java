package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.PostgresFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claims walk their index whatever the statistics say. The queue case fills a table that was analysed empty
 * (and keeps autovacuum away from it), the state a burst leaves a queue in, and reads the plan of the store's
 * own claim statement. (The timers' and the outbox's claims run through the same {@link ClaimPlans}; with
 * these statistics PostgreSQL 15 already walks their indexes, so a case for them could not fail.)
 */
class PostgresClaimPlansTest {
    @RegisterExtension
    static final PostgresFixture fixture = new PostgresFixture();

    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
    private static final int ROWS = 20_000;

    private Database database;

    @BeforeEach
    void createSchema() {
        DataSource dataSource = fixture.newEmptyDataSource();
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        database = Database.open(dataSource);
    }

    @Test
    void queueClaim_afterABurstIntoAQueueAnalysedEmpty_walksTheDueIndexInsteadOfSortingTheQueue() throws SQLException {
        fillQueueAfterAnalysingItEmpty();

        String unguarded = claimPlan(false);
        String guarded = claimPlan(true);

        assertThat(unguarded).as("the planner's own choice, which this guards against").contains("Sort");
        assertThat(guarded).contains("Index Scan using automation_work_queue_due")
                .doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void inIndexOrder_afterTheClaim_putsThePlannerSettingsBackForTheRestOfTheTransaction() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            String during = ClaimPlans.inIndexOrder(database, connection,
                    claiming -> setting(claiming, "enable_sort"));

            assertThat(during).isEqualTo("off");
            assertThat(setting(connection, "enable_sort")).isEqualTo("on");
            assertThat(setting(connection, "enable_seqscan")).isEqualTo("on");
            connection.rollback();
        }
    }

    private void fillQueueAfterAnalysingItEmpty() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE automation_work_queue SET (autovacuum_enabled = false)");
            statement.execute("ANALYZE automation_work_queue");
            statement.execute("INSERT INTO automation_work_queue (execution_id, organization_id, available_at)"
                    + " SELECT 'x-' || lpad(g::text, 6, '0'), 'org',"
                    + " TIMESTAMPTZ '2031-03-01 08:00:00+00' + g * INTERVAL '1 ms'"
                    + " FROM generate_series(1, " + ROWS + ") g");
        }
    }

    /** The plan of the queue's claim with the engine's parameters, run through {@link ClaimPlans} or not. */
    private String claimPlan(boolean guarded) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            SqlWork<String> explain = explaining -> {
                try (PreparedStatement statement =
                             explaining.prepareStatement("EXPLAIN " + database.sql("queue.claim_lock"))) {
                    bindClaimParameters(statement);
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet lines = statement.executeQuery()) {
                        while (lines.next()) {
                            plan.append(lines.getString(1)).append('\n');
                        }
                    }
                    return plan.toString();
                }
            };
            String plan = guarded ? ClaimPlans.inIndexOrder(database, connection, explain) : explain.run(connection);
            connection.rollback();
            return plan;
        }
    }

    private static void bindClaimParameters(PreparedStatement statement) throws SQLException {
        Timestamp now = Timestamp.from(NOW);
        statement.setTimestamp(1, now);
        statement.setTimestamp(2, now);
        statement.setInt(3, 64);
        statement.setString(4, "node-a");
        statement.setTimestamp(5, Timestamp.from(NOW.plusSeconds(300)));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement("SELECT current_setting(?)")) {
            show.setString(1, name);
            try (ResultSet row = show.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
