package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.TimerStoreContract;
import io.memberautomation.jdbc.LeaseClock;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.store.Persistence;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code TimerStoreContract} against the JDBC store on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresTimerStoreTest extends TimerStoreContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    /** Leases on the engine's clock: the contract expires them by moving its test clock. */
    @Override
    protected Persistence newPersistence() {
        return database.newPersistence(LeaseClock.ENGINE);
    }
}
