package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.ExecutionStoreContract;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.jdbc.LeaseClock;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.Persistence;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code ExecutionStoreContract} against the JDBC store on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresExecutionStoreTest extends ExecutionStoreContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    private JdbcPersistence persistence;

    /** Leases on the engine's clock: the contract expires them by moving its test clock. */
    @Override
    protected Persistence newPersistence() {
        persistence = database.newPersistence(LeaseClock.ENGINE);
        return persistence;
    }

    @Override
    protected void putMember(Member member) {
        persistence.memberDirectory().put(member);
    }
}
