package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.OutboxDrainer;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.WorkLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store vacuums the tables its claims consume every so many claimed rows, before the next claim. Each case
 * has autovacuum off on its tables, so that every vacuum counted ({@code pg_stat_get_vacuum_count}) is the
 * store's.
 */
class PostgresChurnVacuumTest {
    @RegisterExtension
    static final PostgresFixture fixture = new PostgresFixture();

    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private DataSource dataSource;

    @BeforeEach
    void createSchema() throws SQLException {
        dataSource = fixture.newEmptyDataSource();
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        execute("ALTER TABLE automation_work_queue SET (autovacuum_enabled = false)");
        execute("ALTER TABLE automation_timers SET (autovacuum_enabled = false)");
        execute("ALTER TABLE automation_outbox SET (autovacuum_enabled = false)");
    }

    @Test
    void queueClaim_afterTheThresholdOfClaimedRows_vacuumsTheQueueFirst() throws SQLException {
        JdbcPersistence persistence = persistence(50);
        enqueue(persistence, 120);

        drainOneClaim(persistence);
        assertThat(vacuums("automation_work_queue")).as("64 claimed, not yet vacuumed").isZero();

        drainOneClaim(persistence);
        assertThat(vacuums("automation_work_queue")).isEqualTo(1);
    }

    @Test
    void queueClaim_belowTheThreshold_leavesTheQueueToAutovacuum() throws SQLException {
        JdbcPersistence persistence = persistence(1_000);
        enqueue(persistence, 120);

        drainOneClaim(persistence);
        drainOneClaim(persistence);

        assertThat(vacuums("automation_work_queue")).isZero();
    }

    @Test
    void queueClaim_whenVacuumingIsOff_neverVacuums() throws SQLException {
        JdbcPersistence persistence = persistence(0);
        enqueue(persistence, 200);

        for (int i = 0; i < 4; i++) {
            drainOneClaim(persistence);
        }

        assertThat(vacuums("automation_work_queue")).isZero();
        assertThat(persistence.queue().isEmpty()).isTrue();
    }

    @Test
    void timerMove_afterTheThresholdOfMovedTimers_vacuumsTheTimersFirst() throws SQLException {
        JdbcPersistence persistence = persistence(10);
        for (int i = 0; i < 30; i++) {
            persistence.timers().schedule(DueTimer.forExecution("x-" + i, "org", "b0", NOW.minusSeconds(30 - i)));
        }

        assertThat(persistence.timers().moveDueToQueue(NOW, 20)).isEqualTo(20);
        assertThat(vacuums("automation_timers")).isZero();

        assertThat(persistence.timers().moveDueToQueue(NOW, 20)).isEqualTo(10);
        assertThat(vacuums("automation_timers")).isEqualTo(1);
        assertThat(persistence.queue().size()).isEqualTo(30);
    }

    @Test
    void outboxDrain_afterTheThresholdOfProcessedEvents_vacuumsTheOutboxFirst() throws SQLException {
        JdbcPersistence persistence = persistence(10);
        execute("INSERT INTO automation_outbox (organization_id, event_id, type, member_id)"
                + " SELECT 'org', 'e-' || g, 'member_updated', 'm-' || g FROM generate_series(1, 30) g");
        List<String> handed = new ArrayList<>();
        OutboxDrainer drainer = persistence.outboxDrainer(event -> handed.add(event.eventId()), 20);

        assertThat(drainer.drainOnce()).isEqualTo(20);
        assertThat(vacuums("automation_outbox")).isZero();

        assertThat(drainer.drainOnce()).isEqualTo(10);
        assertThat(vacuums("automation_outbox")).isEqualTo(1);
        assertThat(handed).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void vacuumEvery_negative_isRefusedNamingTheValue() {
        assertThatThrownBy(() -> JdbcPersistence.builder(dataSource).vacuumEvery(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    private JdbcPersistence persistence(int vacuumEvery) {
        return JdbcPersistence.builder(dataSource).vacuumEvery(vacuumEvery).build();
    }

    private static void enqueue(JdbcPersistence persistence, int executions) {
        for (int i = 0; i < executions; i++) {
            persistence.queue().enqueue(String.format("x-%04d", i), "org", NOW.minusSeconds(executions - i));
        }
    }

    /** Claims a batch of 64 and completes it, as a worker does. */
    private static void drainOneClaim(JdbcPersistence persistence) {
        List<WorkLease> claimed = persistence.queue().claim("node-a", 64, NOW, LEASE);
        assertThat(claimed).isNotEmpty();
        claimed.forEach(persistence.queue()::complete);
    }

    private long vacuums(String table) throws SQLException {
        return single("SELECT pg_stat_get_vacuum_count(CAST(? AS regclass))", table);
    }

    private long single(String sql, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
