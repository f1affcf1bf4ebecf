package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.EmailSendLogContract;
import io.memberautomation.jdbc.H2Fixture;
import io.memberautomation.spi.delivery.EmailSendLog;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI's {@code EmailSendLogContract} against the JDBC store on in-memory H2. */
class H2EmailSendLogTest extends EmailSendLogContract {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected EmailSendLog newLog() {
        return database.newPersistence().emailSendLog();
    }
}
