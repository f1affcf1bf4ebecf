package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.ExecutionStoreContract;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.jdbc.JdbcPersistence;
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

    @Override
    protected Persistence newPersistence() {
        persistence = database.newPersistence();
        return persistence;
    }

    @Override
    protected void putMember(Member member) {
        persistence.memberDirectory().put(member);
    }
}
