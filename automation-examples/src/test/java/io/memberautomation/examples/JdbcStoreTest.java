package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.model.WireName;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.jdbc.JdbcMemberDirectory;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.OutboxDrainer;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's JDBC store setup, compiled and run here on embedded H2 (the README names PostgreSQL; the
 * code is the same): two engine nodes on one database, members in it, and a host's outbox drained into the
 * engine. A last test keeps the README's copies identical.
 */
class JdbcStoreTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String WELCOME = """
        { "id": "welcome", "name": "Welcome", "status": "active",
          "trigger": { "type": "member_created" },
          "steps": [ { "id": "hello", "type": "action",
                       "action": { "type": "add_tag", "params": { "tag": "welcomed" } } } ] }
        """;
    private static final String DUNNING = """
        { "id": "dunning", "name": "Dunning", "status": "active",
          "trigger": { "type": "payment_failed" },
          "steps": [ { "id": "flag", "type": "action",
                       "action": { "type": "add_tag", "params": { "tag": "payment-failed" } } } ] }
        """;

    private final String url = "jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcDataSource schemaOwner = new JdbcDataSource();

    // readme:jdbc:begin
    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);                             // jdbc:postgresql://db.internal:5432/members
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    static AutomationEngine startEngine(DataSource dataSource, String nodeId) {
        JdbcPersistence persistence = JdbcPersistence.builder(dataSource)
                .build();                                   // checks that the schema scripts were applied
        return AutomationEngine.builder()
                .persistence(persistence)
                .members(persistence.memberDirectory())     // members in the same database (optional)
                .messageLedger(persistence.messageLedger()) // frequency caps count every node's sends
                .nodeId(nodeId)                             // names this node's leases
                .build()
                .start();                                   // worker threads claim due work from the database
    }
    // readme:jdbc:end

    // readme:outbox:begin
    static OutboxDrainer.Running drainOutbox(JdbcPersistence persistence, AutomationEngine engine,
                                             ScheduledExecutorService scheduler) {
        return persistence.outboxBatchDrainer(rows -> engine.publishAll(rows.stream()
                        .map(row -> new TriggerEvent(Optional.of(row.eventId()), row.organizationId(),
                                WireName.parse(TriggerType.class, row.type()).orElseThrow(),
                                row.memberId(), row.payload(), Optional.of(row.occurredAt())))
                        .toList()), 100)
                .start(scheduler, Duration.ofSeconds(1));
    }
    // readme:outbox:end

    @BeforeEach
    void applySchema() {
        schemaOwner.setURL(url);
        schemaOwner.setUser("sa");
        JdbcPersistence.builder(schemaOwner).autoCreateSchema(true).build();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = schemaOwner.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }

    @Test
    void twoNodes_whenSharingTheDatabase_welcomeEveryMemberOnce() {
        try (HikariDataSource dataSource = pool(url, "sa", "");
             AutomationEngine first = startEngine(dataSource, "node-1");
             AutomationEngine second = saveThenStart(first, WELCOME, dataSource, "node-2")) {
            JdbcMemberDirectory members = JdbcMemberDirectory.of(dataSource);
            for (int i = 1; i <= 20; i++) {
                AutomationEngine node = i % 2 == 0 ? first : second;
                node.memberChanged(members.put(new Member("m-" + i, "default", Map.of())), Optional.of("signup-m-" + i));
            }

            awaitTrue(() -> members.page("default", Optional.empty(), 100).members().stream()
                    .allMatch(member -> member.tags().contains("welcomed")));

            assertThat(members.page("default", Optional.empty(), 100).members()).hasSize(20)
                    .allSatisfy(member -> assertThat(member.tags()).containsExactly("welcomed"));
        }
    }

    @Test
    void outbox_whenTheHostWritesAnEventRow_enrollsTheMemberOnce() throws SQLException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (HikariDataSource dataSource = pool(url, "sa", "");
             AutomationEngine engine = startEngine(dataSource, "node-1")) {
            JdbcPersistence persistence = JdbcPersistence.builder(dataSource).build();
            JdbcMemberDirectory members = persistence.memberDirectory();
            engine.save(DUNNING);
            members.put(new Member("m-1", "default", Map.of()));
            try (Connection connection = dataSource.getConnection(); Statement insert = connection.createStatement()) {
                for (int copy = 0; copy < 2; copy++) {
                    insert.executeUpdate("INSERT INTO automation_outbox (organization_id, event_id, type, member_id, payload)"
                            + " VALUES ('default', 'stripe-evt-1', 'payment_failed', 'm-1', '{\"amount\": 120}')");
                }
            }

            try (OutboxDrainer.Running draining = drainOutbox(persistence, engine, scheduler)) {
                awaitTrue(() -> members.find("default", "m-1").orElseThrow().tags().contains("payment-failed"));
            }

            assertThat(engine.executions(ExecutionQuery.all("default", 10)).executions()).hasSize(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void readme_whenRead_carriesTheJdbcSetupAndTheOutboxVerbatim() {
        assertThat(Readme.block("snippet: jdbc").content()).isEqualTo(Readme.region("JdbcStoreTest.java", "jdbc"));
        assertThat(Readme.block("snippet: outbox").content()).isEqualTo(Readme.region("JdbcStoreTest.java", "outbox"));
    }

    /** A node reads the automations when it is built, so the second node starts after the first saved. */
    private static AutomationEngine saveThenStart(AutomationEngine first, String automation, DataSource dataSource,
                                                  String nodeId) {
        first.save(automation);
        return startEngine(dataSource, nodeId);
    }

    /** Waits for real worker threads: polls the condition, failing after a bounded time. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after %s", PATIENCE).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
