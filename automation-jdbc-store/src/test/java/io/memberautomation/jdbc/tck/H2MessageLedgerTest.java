package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.MessageLedgerContract;
import io.memberautomation.jdbc.H2Fixture;
import io.memberautomation.spi.delivery.MessageLedger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI's {@code MessageLedgerContract} against the JDBC store on in-memory H2. */
class H2MessageLedgerTest extends MessageLedgerContract {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected MessageLedger newLedger() {
        return database.newPersistence().messageLedger();
    }
}
