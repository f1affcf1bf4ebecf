package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LeaseClockCases} on PostgreSQL; skipped, saying so, when unreachable outside CI. */
class PostgresLeaseClockTest extends LeaseClockCases {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
