package io.memberautomation.jdbc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OutboxDrainerCases} on PostgreSQL, and the LISTEN/NOTIFY wake-up only PostgreSQL has. */
class PostgresOutboxDrainerTest extends OutboxDrainerCases {
    @RegisterExtension
    static final PostgresFixture database = new PostgresFixture();

    @Override
    protected DatabaseFixture database() {
        return database;
    }

    /**
     * The first poll runs at start and drains the seed event; the next is ten minutes away, so an event
     * inserted later and handed on within seconds was announced by the insert trigger. Events are inserted
     * until one arrives, because the listening connection may start listening only after the first insert.
     * Closing must not wait for a connection blocked in a wait for notifications.
     */
    @Test
    void start_whenAnEventIsInserted_isWokenByTheInsertTriggerLongBeforeTheNextPoll() throws Exception {
        insert("seed", Optional.of("m0"), "{}");
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        OutboxDrainer.Running running = persistence().outboxDrainer(event -> seen.add(event.eventId()))
                .start(scheduler, Duration.ofMinutes(10));
        try {
            assertThat(seen.poll(10, SECONDS)).isEqualTo("seed");

            String woken = null;
            for (int attempt = 0; attempt < 10 && woken == null; attempt++) {
                insert("e" + attempt, Optional.of("m1"), "{}");
                woken = seen.poll(1, SECONDS);
            }

            assertThat(woken).isEqualTo("e0");
        } finally {
            CompletableFuture.runAsync(running::close).get(10, SECONDS);
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(10, SECONDS)).isTrue();
        }
        assertThat(((HikariDataSource) dataSource()).getHikariPoolMXBean().getActiveConnections())
                .as("the listening connection went back to the pool").isZero();
    }
}
