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

    /** A persistence over {@link #newDataSource()}, its schema created. */
    JdbcPersistence newPersistence();

    /** A member directory holding exactly {@code seed}. */
    JdbcMemberDirectory newDirectory(List<Member> seed);
}
