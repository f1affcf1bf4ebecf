package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.member.Channel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * Sent messages in {@code automation_message_ledger}, shared by every node on the database, so a frequency
 * cap counts the sends of all of them. The primary key (organization, member, channel, idempotency key)
 * makes a second record of one send a no-op that keeps the first time, also when two nodes record it at
 * once.
 */
public final class JdbcMessageLedger implements MessageLedger {
    private final Database database;

    public JdbcMessageLedger(Database database) {
        this.database = database;
    }

    @Override
    public void record(String organizationId, String memberId, Channel channel, Instant sentAt, String idempotencyKey) {
        Objects.requireNonNull(sentAt, "sentAt");
        database.transaction("recording a message to member " + memberId, connection -> {
            try (PreparedStatement insert = database.prepare(connection, "sends.record_message")) {
                insert.setString(1, organizationId);
                insert.setString(2, memberId);
                insert.setString(3, channel.name());
                insert.setString(4, idempotencyKey);
                Jdbc.setInstant(insert, 5, sentAt);
                return Upserts.insertIfAbsent(insert);
            }
        });
    }

    @Override
    public int count(String organizationId, String memberId, Channel channel, Instant from, Instant to) {
        return database.read("counting the messages to member " + memberId, connection -> {
            try (PreparedStatement query = database.prepare(connection, "sends.count_messages")) {
                query.setString(1, organizationId);
                query.setString(2, memberId);
                query.setString(3, channel.name());
                Jdbc.setInstant(query, 4, from);
                Jdbc.setInstant(query, 5, to);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
