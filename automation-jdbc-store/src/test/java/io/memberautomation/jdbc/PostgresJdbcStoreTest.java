package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcStoreCases} on PostgreSQL. */
class PostgresJdbcStoreTest extends JdbcStoreCases {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
