package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EngineRestartCases} on PostgreSQL. */
class PostgresEngineRestartTest extends EngineRestartCases {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
