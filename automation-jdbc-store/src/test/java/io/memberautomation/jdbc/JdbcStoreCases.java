package io.memberautomation.jdbc;

import static io.memberautomation.core.tck.StoreFixtures.commit;
import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static io.memberautomation.core.tck.StoreFixtures.log;
import static io.memberautomation.core.tck.StoreFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.InfrastructureException;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.store.CommitResult;
import io.memberautomation.spi.store.ExecutionCommit;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.ExecutionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the JDBC store guarantees beyond the SPI's contract suites; run on each database by a subclass. */
abstract class JdbcStoreCases {
    private static final String ORG = "org-a";
    private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

    protected abstract DatabaseFixture database();

    @Test
    void build_withoutAutoCreate_whenTheTablesAreMissing_failsNamingTheScripts() {
        DataSource empty = database().newEmptyDataSource();

        assertThatThrownBy(() -> JdbcPersistence.builder(empty).build()).isInstanceOf(AutomationException.class)
                .hasMessageContaining("io/memberautomation/jdbc/schema/").hasMessageContaining("autoCreateSchema");
    }

    @Test
    void build_withAutoCreateTwice_appliesEachScriptOnceAndRecordsItsVersion() throws SQLException {
        DataSource empty = database().newEmptyDataSource();

        JdbcPersistence.builder(empty).autoCreateSchema(true).build();
        JdbcPersistence.builder(empty).autoCreateSchema(true).build();
        JdbcPersistence checked = JdbcPersistence.builder(empty).build();

        assertThat(checked.queue().size()).isZero();
        try (Connection connection = empty.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT version, description FROM automation_schema_version ORDER BY version");
             ResultSet rows = select.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1) + ":" + rows.getString(2));
            }
            assertThat(versions).containsExactly("1:automation_schema", "2:send_records", "3:lighter_writes",
                    "4:room_for_execution_updates", "5:queues_keep_their_pages", "6:inline_documents");
        }
    }

    @Test
    void find_ofAnExecutionHoldingEveryKindOfData_returnsItEqualTypeForType() {
        ExecutionStore store = database().newPersistence().executions();
        Map<String, Object> data = Map.of("int", 3, "long", 4L, "double", 0.25, "decimal", new BigDecimal("19.90"),
                "date", LocalDate.of(2031, 1, 1), "instant", Instant.parse("2030-01-01T09:00:00.123456Z"),
                "zoned", ZonedDateTime.parse("2030-06-01T09:00:00+02:00[Europe/Paris]"),
                "nested", Map.of("list", List.of(true, "x", 5L)), "$key", "dollar");
        ExecutionRecord created = execution("x1", ORG, "welcome", "m1", NOW);
        ExecutionRecord withData = new ExecutionRecord("x1", ORG, "welcome", 1, Optional.of("m1"),
                ExecutionStatus.PENDING, Optional.empty(), data, created.branches(), data, 0, 0, 0, Optional.empty(),
                false, NOW, NOW, Optional.empty(), 1);

        store.enroll(enrollmentOf(withData));

        assertThat(store.find("x1")).contains(withData);
    }

    @Test
    void find_whenTimesHaveNanoseconds_returnsThemToTheMicrosecond() {
        ExecutionStore store = database().newPersistence().executions();
        Instant precise = Instant.parse("2030-01-01T09:00:00.123456789Z");

        store.enroll(enrollmentOf(execution("x1", ORG, "welcome", "m1", precise)));

        assertThat(store.find("x1").orElseThrow().createdAt()).isEqualTo(Instant.parse("2030-01-01T09:00:00.123456Z"));
    }

    @Test
    void commitAll_whenOneCommitRepeatsALoggedSequence_refusesOnlyThatOneAndAppliesTheRest() {
        ExecutionStore store = database().newPersistence().executions();
        List<ExecutionRecord> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ExecutionRecord record = execution("x" + i, ORG, "welcome", "m" + i, NOW);
            store.enroll(enrollmentOf(record));
            created.add(record);
        }
        ExecutionRecord logged = next(created.get(1), ExecutionStatus.RUNNING, Map.of(), 1, NOW);
        store.commit(commit(logged, List.of(log("x1", 0, NOW)), List.of(), Optional.empty(), Optional.empty()));

        List<CommitResult> results = store.commitAll(List.of(
                commitWithLog(created.get(0), 0),
                commitWithLog(logged, 0),
                commitWithLog(created.get(2), 0)));

        assertThat(results).extracting(CommitResult::applied).containsExactly(true, false, true);
        assertThat(store.find("x0").orElseThrow().revision()).isEqualTo(2);
        assertThat(store.find("x1")).contains(logged);
        assertThat(store.find("x2").orElseThrow().revision()).isEqualTo(2);
        assertThat(store.stepLogs("x0")).hasSize(1);
        assertThat(store.stepLogs("x2")).hasSize(1);
    }

    @Test
    void commit_whenItChangesTheExecutionsIdentity_isRefusedAsIllegal() {
        ExecutionStore store = database().newPersistence().executions();
        ExecutionRecord created = execution("x1", ORG, "welcome", "m1", NOW);
        store.enroll(enrollmentOf(created));
        ExecutionRecord otherMember = next(execution("x1", ORG, "welcome", "m2", NOW), ExecutionStatus.RUNNING, NOW);

        assertThatThrownBy(() -> store.commit(commit(otherMember))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find("x1")).contains(created);
    }

    @Test
    void everyCall_whenTheDatabaseCannotBeReached_reportsInfrastructureTroubleTheEngineRetries() {
        UnreachableDatabase unreachable = new UnreachableDatabase(database().newDataSource());
        JdbcPersistence persistence = JdbcPersistence.builder(unreachable.dataSource()).autoCreateSchema(true).build();
        unreachable.down(true);

        assertThatThrownBy(() -> persistence.executions().find("x1")).isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("reading execution x1");
        assertThatThrownBy(() -> persistence.queue().claim("node", 10, NOW, Duration.ofMinutes(1)))
                .isInstanceOf(InfrastructureException.class);
        unreachable.down(false);
        assertThat(persistence.executions().find("x1")).isEmpty();
    }

    @Test
    void read_whenTheServerDropsTheConnectionAndThePoolClosesIt_reportsTheDropAsInfrastructureTrouble() {
        DataSource real = database().newDataSource();
        AtomicBoolean down = new AtomicBoolean();
        DataSource dropping = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return method.getName().equals("getConnection") ? droppingConnection((Connection) result, down)
                            : result;
                });
        JdbcPersistence persistence = JdbcPersistence.builder(dropping).autoCreateSchema(true).build();
        down.set(true);

        assertThatThrownBy(() -> persistence.executions().find("x1")).isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("terminating connection");
    }

    /**
     * A connection that, while {@code down}, fails its statements as a server shutting down does (57P01) and
     * is closed at once after, as HikariCP closes a connection it sees broken: every later call fails with
     * the pool's "Connection is closed", which has no SQLState.
     */
    private Connection droppingConnection(Connection real, AtomicBoolean down) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return invoke(real, method, args);
                    }
                    if (closed.get()) {
                        throw new SQLException("Connection is closed");
                    }
                    if (down.get() && method.getName().equals("prepareStatement")) {
                        closed.set(true);
                        throw new SQLException("terminating connection due to administrator command", "57P01");
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void memberDirectory_putAndRemove_reportBeforeAndAfter() {
        JdbcMemberDirectory directory = database().newDirectory(List.of());
        Member first = new Member("m1", ORG, Map.of("email", "a@example.org", "joined", LocalDate.of(2030, 1, 1)));
        Member second = new Member("m1", ORG, Map.of("email", "b@example.org"));

        MemberChange created = directory.put(first);
        MemberChange replaced = directory.put(second);
        Optional<Member> removed = directory.remove(ORG, "m1");

        assertThat(created.before()).isEmpty();
        assertThat(replaced.before()).contains(first);
        assertThat(removed).contains(second);
        assertThat(directory.find(ORG, "m1")).isEmpty();
        assertThat(directory.remove(ORG, "m1")).isEmpty();
    }

    @Test
    void memberDirectory_whenAHostWrotePlainJson_readsItAsTheEngineReadsJson() throws SQLException {
        DataSource dataSource = database().newDataSource();
        JdbcMemberDirectory directory = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build()
                .memberDirectory();
        directory.put(new Member("m1", ORG, Map.of()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(hostUpdate(connection))) {
            update.setString(1, "{\"age\": 42, \"tags\": [\"founder\"], \"renewal\": {\"$date\": \"2031-01-01\"}}");
            update.setString(2, ORG);
            update.setString(3, "m1");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Member read = directory.find(ORG, "m1").orElseThrow();

        assertThat(read.fields()).isEqualTo(Map.of("age", new BigDecimal("42"), "tags", List.of("founder"),
                "renewal", LocalDate.of(2031, 1, 1)));
        assertThat(read.tags()).containsExactly("founder");
    }

    private static String hostUpdate(Connection connection) throws SQLException {
        String cast = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "JSONB" : "CLOB";
        return "UPDATE automation_members SET fields = CAST(? AS " + cast + ") WHERE organization_id = ? AND id = ?";
    }

    private static ExecutionCommit commitWithLog(ExecutionRecord current, int sequence) {
        ExecutionRecord next = next(current, ExecutionStatus.RUNNING, Map.of(), sequence + 1, NOW);
        return commit(next, List.of(log(current.id(), sequence, NOW)), List.of(), Optional.empty(), Optional.empty());
    }
}
