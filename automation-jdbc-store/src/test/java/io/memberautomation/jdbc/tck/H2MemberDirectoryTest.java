package io.memberautomation.jdbc.tck;

import io.memberautomation.core.tck.MemberDirectoryContract;
import io.memberautomation.jdbc.H2Fixture;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberDirectory;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI's {@code MemberDirectoryContract} against {@code JdbcMemberDirectory} on in-memory H2. */
class H2MemberDirectoryTest extends MemberDirectoryContract {
    @RegisterExtension
    final H2Fixture database = new H2Fixture();

    @Override
    protected MemberDirectory newDirectory(List<Member> seed) {
        return database.newDirectory(seed);
    }
}
