package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LeaseClockCases} on in-memory H2. */
class H2LeaseClockTest extends LeaseClockCases {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
