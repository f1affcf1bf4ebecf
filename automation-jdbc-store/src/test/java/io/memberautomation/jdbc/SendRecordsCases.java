package io.memberautomation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.policy.SendPolicy;
import io.memberautomation.core.store.InMemoryTemplateStore;
import io.memberautomation.core.store.RecordingEmailSender;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.InfrastructureException;
import io.memberautomation.spi.delivery.EmailSendRecord;
import io.memberautomation.spi.delivery.Template;
import io.memberautomation.spi.member.Channel;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The durable message ledger and email send log beyond their contract suites: the schema upgrade that adds
 * them, infrastructure trouble, and frequency caps shared by engine nodes on one database.
 */
abstract class SendRecordsCases {
    private static final String ORG = "default";
    private static final Instant NOW = Instant.parse("2030-01-06T10:00:00Z");
    private static final String REMINDER = """
            { "id": "reminder", "name": "Reminder", "enrollment": { "policy": "every_time" },
              "trigger": { "type": "payment_failed" },
              "steps": [ { "id": "mail", "type": "action",
                "action": { "type": "send_email", "params": { "templateId": "reminder", "whenCapped": "skip" } } } ] }
            """;

    private final TestClock clock = TestClock.at(NOW);

    protected abstract DatabaseFixture database();

    @Test
    void autoCreateSchema_whenTheDatabaseIsAtVersion1_appliesTheLaterVersionsKeepingTheData() throws SQLException {
        DataSource dataSource = database().newEmptyDataSource();
        JdbcPersistence created = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        created.memberDirectory().put(new Member("m-1", ORG, Map.of("email", "ada@example.org")));
        created.queue().enqueue("x1", ORG, NOW);
        execute(dataSource, "DROP TABLE automation_email_sends", "DROP TABLE automation_message_ledger",
                "CREATE INDEX automation_executions_by_status ON automation_executions (status, id)",
                "DELETE FROM automation_schema_version WHERE version >= 2");
        assertThat(indexes(dataSource)).as("version 1's indexes").contains("automation_executions_by_status");
        assertThatThrownBy(() -> JdbcPersistence.builder(dataSource).build())
                .as("a database at version 1, checked without auto-creation")
                .isInstanceOf(AutomationException.class).hasMessageContaining("V2__send_records.sql");

        JdbcPersistence upgraded = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        upgraded.messageLedger().record(ORG, "m-1", Channel.EMAIL, NOW, "k1");

        assertThat(versions(dataSource)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(indexes(dataSource)).as("version 3 drops the index on status")
                .doesNotContain("automation_executions_by_status").contains("automation_executions_by_member");
        execute(dataSource, "DELETE FROM automation_schema_version WHERE version >= 3");
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        assertThat(versions(dataSource)).as("versions 3 to 6 applied by another tool run again harmlessly")
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(upgraded.memberDirectory().find(ORG, "m-1")).isPresent();
        assertThat(upgraded.queue().size()).isEqualTo(1);
        assertThat(upgraded.messageLedger().count(ORG, "m-1", Channel.EMAIL, NOW, NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(upgraded.emailSendLog().forMember(ORG, "m-1")).isEmpty();
    }

    @Test
    void ledgerAndLog_whenTheDatabaseCannotBeReached_reportInfrastructureTroubleTheEngineRetries() {
        UnreachableDatabase unreachable = new UnreachableDatabase(database().newDataSource());
        JdbcPersistence persistence = JdbcPersistence.builder(unreachable.dataSource()).autoCreateSchema(true).build();
        EmailSendRecord send = new EmailSendRecord(ORG, "m-1", "reminder", "ada@example.org", "sent", NOW, "k1",
                Optional.of("p-1"));
        unreachable.down(true);

        assertThatThrownBy(() -> persistence.messageLedger().record(ORG, "m-1", Channel.EMAIL, NOW, "k1"))
                .isInstanceOf(InfrastructureException.class).hasMessageContaining("recording a message");
        assertThatThrownBy(() -> persistence.messageLedger().count(ORG, "m-1", Channel.EMAIL, NOW, NOW))
                .isInstanceOf(InfrastructureException.class);
        assertThatThrownBy(() -> persistence.emailSendLog().record(send)).isInstanceOf(InfrastructureException.class);
        assertThatThrownBy(() -> persistence.emailSendLog().forMember(ORG, "m-1"))
                .isInstanceOf(InfrastructureException.class);
        unreachable.down(false);
        persistence.emailSendLog().record(send);
        assertThat(persistence.emailSendLog().forMember(ORG, "m-1")).containsExactly(send);
    }

    @Test
    void dailyCap_whenTheSecondEmailOfTheDayRunsOnAnotherNode_isCappedThere() {
        DataSource dataSource = database().newDataSource();
        RecordingEmailSender firstEmail = new RecordingEmailSender();
        RecordingEmailSender secondEmail = new RecordingEmailSender();
        JdbcPersistence.builder(dataSource).autoCreateSchema(true).build().memberDirectory()
                .put(new Member("m-1", ORG, Map.of("email", "ada@example.org")));
        try (AutomationEngine first = node(dataSource, "node-1", firstEmail)) {
            first.activate(ORG, first.save(REMINDER).automation().id());
        }
        // a node routes events by the active automations it loaded when it started
        try (AutomationEngine first = node(dataSource, "node-1", firstEmail);
             AutomationEngine second = node(dataSource, "node-2", secondEmail)) {
            first.publish(TriggerEvent.of("e-1", ORG, TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
            first.runDue();
            clock.advance(Duration.ofHours(1));
            second.publish(TriggerEvent.of("e-2", ORG, TriggerType.PAYMENT_FAILED, "m-1", Map.of()));
            second.runDue();

            assertThat(firstEmail.sent()).hasSize(1);
            assertThat(secondEmail.sent()).as("node 2 counts node 1's send").isEmpty();
            List<ExecutionRecord> runs = second.executions(ExecutionQuery.all(ORG, 10)).executions();
            assertThat(runs).hasSize(2);
            List<StepLogEntry> capped = runs.stream().flatMap(run -> second.history(run.id()).stream())
                    .filter(entry -> entry.status() == StepStatus.SKIPPED).toList();
            assertThat(capped).singleElement().satisfies(entry -> assertThat(entry.detail())
                    .containsEntry("reason", "frequency cap of 1 emails a day reached"));
        }
    }

    /** One engine node with its own persistence objects, counting sends in the database's ledger. */
    private AutomationEngine node(DataSource dataSource, String nodeId, RecordingEmailSender email) {
        JdbcPersistence persistence = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
        InMemoryTemplateStore templates = new InMemoryTemplateStore();
        templates.put(ORG, new Template("reminder", "Your payment", "Please update your card.", Optional.empty()));
        return AutomationEngine.builder().clock(clock).persistence(persistence)
                .members(persistence.memberDirectory()).templates(templates).email(email).nodeId(nodeId)
                .messageLedger(persistence.messageLedger())
                .sendPolicy(ORG, SendPolicy.builder().dailyCap(Channel.EMAIL, 1).build()).build();
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> indexes(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            for (String table : List.of("automation_executions", "AUTOMATION_EXECUTIONS")) {
                try (ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                        connection.getSchema(), table, false, false)) {
                    while (rows.next()) {
                        String name = rows.getString("INDEX_NAME");
                        if (name != null) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return names;
        }
    }

    private static List<Integer> versions(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM automation_schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        }
    }
}
