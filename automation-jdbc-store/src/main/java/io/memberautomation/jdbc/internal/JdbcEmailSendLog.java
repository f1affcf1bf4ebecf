package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.delivery.EmailSendLog;
import io.memberautomation.spi.delivery.EmailSendRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Email send records in {@code automation_email_sends}, one row per attempt. A member's records read back
 * in the order of their identity column, which is the order they were recorded in.
 */
public final class JdbcEmailSendLog implements EmailSendLog {
    private final Database database;

    public JdbcEmailSendLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(EmailSendRecord record) {
        database.transaction("recording an email send to member " + record.memberId(), connection -> {
            try (PreparedStatement insert = database.prepare(connection, "sends.record_email")) {
                insert.setString(1, record.organizationId());
                insert.setString(2, record.memberId());
                insert.setString(3, record.templateId());
                insert.setString(4, record.address());
                insert.setString(5, record.status());
                Jdbc.setInstant(insert, 6, record.at());
                insert.setString(7, record.idempotencyKey());
                Jdbc.setString(insert, 8, record.providerMessageId());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<EmailSendRecord> forMember(String organizationId, String memberId) {
        return database.read("reading the email sends to member " + memberId, connection -> {
            try (PreparedStatement query = database.prepare(connection, "sends.emails_for_member")) {
                query.setString(1, organizationId);
                query.setString(2, memberId);
                List<EmailSendRecord> records = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        records.add(new EmailSendRecord(Jdbc.string(row, "organization_id"),
                                Jdbc.string(row, "member_id"), Jdbc.string(row, "template_id"),
                                Jdbc.string(row, "address"), Jdbc.string(row, "status"),
                                Jdbc.instant(row, "sent_at"), Jdbc.string(row, "idempotency_key"),
                                Jdbc.optionalString(row, "provider_message_id")));
                    }
                }
                return records;
            }
        });
    }
}
