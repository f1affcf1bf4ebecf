package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.DefinitionStoreContract;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.store.Persistence;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code DefinitionStoreContract} against the JDBC store on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresDefinitionStoreTest extends DefinitionStoreContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected Persistence newPersistence() {
        return database.newPersistence();
    }
}
