package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.ExecutionStoreContract;
import io.memberautomation.jdbc.H2Fixture;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.Persistence;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI's {@code ExecutionStoreContract} against the JDBC store on in-memory H2. */
class H2ExecutionStoreTest extends ExecutionStoreContract {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

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
