package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OutboxDrainerCases} on in-memory H2. */
class H2OutboxDrainerTest extends OutboxDrainerCases {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
