package io.memberautomation.jdbc;

import io.memberautomation.spi.member.Member;
import java.util.List;
import javax.sql.DataSource;

/** A database for one test: empty on every call, schema applied by the persistence it builds. */
public interface DatabaseFixture {
    /** A data source over an empty database (H2) or an emptied schema (PostgreSQL). */
    DataSource newDataSource();

    /** A data source over a database (or schema) without the automation tables. */
    DataSource newEmptyDataSource();

    /** A persistence over {@link #newDataSource()}, its schema created, leases on the database's clock. */
    default JdbcPersistence newPersistence() {
        return newPersistence(LeaseClock.DATABASE);
    }

    /** A persistence over {@link #newDataSource()}, its schema created, leases on the given clock. */
    default JdbcPersistence newPersistence(LeaseClock leaseClock) {
        return JdbcPersistence.builder(newDataSource()).autoCreateSchema(true).leaseClock(leaseClock).build();
    }

    /** A member directory holding exactly {@code seed}. */
    JdbcMemberDirectory newDirectory(List<Member> seed);
}
