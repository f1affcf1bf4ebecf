package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.MessageLedgerContract;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.delivery.MessageLedger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code MessageLedgerContract} against the JDBC store on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresMessageLedgerTest extends MessageLedgerContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected MessageLedger newLedger() {
        return database.newPersistence().messageLedger();
    }
}
