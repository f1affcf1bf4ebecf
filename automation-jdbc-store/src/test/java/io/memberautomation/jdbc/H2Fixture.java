package io.memberautomation.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.spi.member.Member;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new in-memory H2 database per call, pooled by HikariCP as a host would pool it, shut down after each
 * test. Register as an instance field with {@code @RegisterExtension}.
 */
public final class H2Fixture implements AfterEachCallback, DatabaseFixture {
    private final List<HikariDataSource> opened = new ArrayList<>();

    @Override
    public synchronized HikariDataSource newDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:automation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(10);
        config.setPoolName("h2-test");
        HikariDataSource dataSource = new HikariDataSource(config);
        opened.add(dataSource);
        return dataSource;
    }

    @Override
    public HikariDataSource newEmptyDataSource() {
        return newDataSource();
    }

    @Override
    public JdbcMemberDirectory newDirectory(List<Member> seed) {
        JdbcMemberDirectory directory = newPersistence().memberDirectory();
        seed.forEach(directory::put);
        return directory;
    }

    /** Closes the pools, then shuts each database down (in-memory databases otherwise live on). */
    @Override
    public synchronized void afterEach(ExtensionContext context) throws SQLException {
        for (HikariDataSource dataSource : opened) {
            dataSource.close();
            try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl());
                 Statement shutdown = connection.createStatement()) {
                shutdown.execute("SHUTDOWN");
            }
        }
        opened.clear();
    }
}
