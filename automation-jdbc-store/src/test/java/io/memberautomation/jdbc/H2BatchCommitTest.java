package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchCommitCases} on in-memory H2. */
class H2BatchCommitTest extends BatchCommitCases {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
