package io.memberautomation.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MemberCommitCases} on in-memory H2. */
class H2MemberCommitTest extends MemberCommitCases {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }
}
