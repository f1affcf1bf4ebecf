package io.memberautomation.jdbc.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.action.DefaultWebhookTransport;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.spi.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine node in a JVM of its own, for the crash tests: an engine on the JDBC store over PostgreSQL, on
 * the system clock, with the webhook transport allowed to reach 127.0.0.1 (calls time out after 30 s, longer
 * than the receiver holds an answer). It runs until its standard input
 * closes (the test stops it so, or dies and it follows) or it is killed.
 *
 * <p>Arguments, {@code key=value}: {@code url}, {@code user}, {@code password}, {@code schema}, {@code node}
 * (its id), {@code threads} (worker threads), {@code leaseMillis}, {@code clockOffsetMillis} (added to the
 * system clock, default 0).
 */
public final class FaultNode {
    /** Printed once the engine has started, so the test knows the node is working. */
    static final String READY = "fault-node ready";

    private FaultNode() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        int threads = Integer.parseInt(options.get("threads"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.get("url"));
        config.setUsername(options.get("user"));
        config.setPassword(options.get("password"));
        config.setSchema(options.get("schema"));
        config.setMaximumPoolSize(threads + 3);
        config.setConnectionInitSql("SET synchronous_commit TO off");
        config.setPoolName("fault-" + options.get("node"));
        Duration offset = Duration.ofMillis(Long.parseLong(options.getOrDefault("clockOffsetMillis", "0")));
        Clock clock = () -> Instant.now().plus(offset);
        try (HikariDataSource dataSource = new HikariDataSource(config);
             DefaultWebhookTransport webhooks = DefaultWebhookTransport.builder().allow("127.0.0.1/32").build();
             AutomationEngine engine = AutomationEngine.builder().clock(clock)
                     .persistence(JdbcPersistence.builder(dataSource).build()).members(new Everyone())
                     .webhooks(webhooks).nodeId(options.get("node")).workerThreads(threads)
                     .lease(Duration.ofMillis(Long.parseLong(options.get("leaseMillis"))))
                     .pollInterval(Duration.ofMillis(200)).webhookTimeout(Duration.ofSeconds(30)).build()) {
            engine.start();
            System.out.println(READY);
            System.out.flush();
            awaitEndOf(System.in);
        }
    }

    private static void awaitEndOf(InputStream input) throws IOException {
        byte[] buffer = new byte[256];
        while (input.read(buffer) >= 0) {
            Thread.onSpinWait();
        }
    }
}
