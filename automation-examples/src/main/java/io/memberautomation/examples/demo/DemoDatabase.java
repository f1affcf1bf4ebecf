package io.memberautomation.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.UUID;

/**
 * The demo's connection pool: a private in-memory H2 database that lives as long as the pool, or the
 * database the user named with {@code --jdbc-url}.
 */
final class DemoDatabase {
    private static final int POOL_SIZE = 4;

    private DemoDatabase() {}

    /**
     * Opens the pool, connecting once so that a wrong URL or password fails here.
     *
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the database cannot be reached
     */
    static HikariDataSource open(DemoOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("demo");
        // no DB_CLOSE_DELAY: the in-memory database goes away with the pool's last connection; 64 parsed
        // statements per session, as the README advises for H2 (its default of 8 is fewer than a worker uses)
        config.setJdbcUrl(options.jdbcUrl().orElse("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";QUERY_CACHE_SIZE=64"));
        options.jdbcUser().ifPresent(config::setUsername);
        options.jdbcPassword().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        return new HikariDataSource(config);
    }

    /** The database for people: the URL up to its parameters, which may hold a password. */
    static String describe(DemoOptions options) {
        return options.jdbcUrl().map(url -> url.replaceAll("[?;].*$", "")).orElse("embedded H2 (in memory)");
    }
}
