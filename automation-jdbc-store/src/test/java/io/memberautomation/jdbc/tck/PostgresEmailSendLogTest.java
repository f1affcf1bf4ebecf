package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.EmailSendLogContract;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.delivery.EmailSendLog;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code EmailSendLogContract} against the JDBC store on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresEmailSendLogTest extends EmailSendLogContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected EmailSendLog newLog() {
        return database.newPersistence().emailSendLog();
    }
}
