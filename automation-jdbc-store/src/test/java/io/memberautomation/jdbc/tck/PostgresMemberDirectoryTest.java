package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.MemberDirectoryContract;
import io.memberautomation.jdbc.PostgresFixture;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberDirectory;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPI's {@code MemberDirectoryContract} against {@code JdbcMemberDirectory} on PostgreSQL;
 * skipped, saying so, when unreachable outside CI.
 */
class PostgresMemberDirectoryTest extends MemberDirectoryContract {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected MemberDirectory newDirectory(List<Member> seed) {
        return database.newDirectory(seed);
    }
}
