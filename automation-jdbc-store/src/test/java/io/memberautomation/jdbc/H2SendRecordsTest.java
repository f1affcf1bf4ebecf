package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SendRecordsCases} on in-memory H2. */
class H2SendRecordsTest extends SendRecordsCases {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
