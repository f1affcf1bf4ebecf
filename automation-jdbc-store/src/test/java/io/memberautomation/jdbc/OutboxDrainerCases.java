package io.memberautomation.jdbc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.jdbc.internal.Database;
import io.memberautomation.spi.AutomationException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OutboxDrainer}: order, member order across drainers, failures, scheduling. */
abstract class OutboxDrainerCases {
    private static final String ORG = "org-a";

    private DataSource dataSource;
    private JdbcPersistence persistence;

    protected abstract DatabaseFixture database();

    @BeforeEach
    void setUpOutbox() {
        dataSource = database().newDataSource();
        persistence = JdbcPersistence.builder(dataSource).autoCreateSchema(true).build();
    }

    @Test
    void drainOnce_handsOnEventsInIdOrderAndMarksThemProcessed() throws SQLException {
        insert("e1", Optional.of("m1"), "{\"plan\": \"gold\", \"amount\": 19.90}");
        insert("e2", Optional.empty(), "{}");
        insert("e3", Optional.of("m2"), "{}");
        List<OutboxEvent> seen = new ArrayList<>();

        int handedOn = persistence.outboxDrainer(seen::add).drainOnce();
        int again = persistence.outboxDrainer(seen::add).drainOnce();

        assertThat(handedOn).isEqualTo(3);
        assertThat(again).isZero();
        assertThat(seen).extracting(OutboxEvent::eventId).containsExactly("e1", "e2", "e3");
        OutboxEvent first = seen.get(0);
        assertThat(first.organizationId()).isEqualTo(ORG);
        assertThat(first.type()).isEqualTo("payment_failed");
        assertThat(first.memberId()).contains("m1");
        assertThat(first.payload()).isEqualTo(Map.of("plan", "gold", "amount", new BigDecimal("19.90")));
        assertThat(seen.get(1).memberId()).isEmpty();
    }

    @Test
    void drainOnce_withASmallBatch_takesTheEarliestFirst() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            insert("e" + i, Optional.of("m" + i), "{}");
        }
        List<String> seen = new ArrayList<>();
        OutboxDrainer drainer = persistence.outboxDrainer(event -> seen.add(event.eventId()), 2);

        assertThat(drainer.drainOnce()).isEqualTo(2);
        assertThat(seen).containsExactly("e1", "e2");
        assertThat(drainer.drainOnce()).isEqualTo(2);
        assertThat(drainer.drainOnce()).isEqualTo(1);
        assertThat(seen).containsExactly("e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void batchDrainer_drainOnce_handsTheClaimedEventsOnInOneCallInIdOrder() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            insert("e" + i, Optional.of("m" + (i % 2)), "{}");
        }
        List<List<String>> calls = new ArrayList<>();
        OutboxDrainer drainer = persistence.outboxBatchDrainer(
                events -> calls.add(events.stream().map(OutboxEvent::eventId).toList()), 3);

        assertThat(drainer.drainOnce()).isEqualTo(3);
        assertThat(drainer.drainOnce()).isEqualTo(2);
        assertThat(drainer.drainOnce()).isZero();
        assertThat(calls).containsExactly(List.of("e1", "e2", "e3"), List.of("e4", "e5"));
    }

    @Test
    void batchDrainer_whenTheConsumerFails_keepsTheWholeBatchForLater() throws SQLException {
        insert("e1", Optional.of("m1"), "{}");
        insert("e2", Optional.of("m2"), "{}");
        OutboxDrainer failing = persistence.outboxBatchDrainer(events -> {
            throw new IllegalStateException("engine unavailable");
        }, 10);

        assertThatThrownBy(failing::drainOnce).isInstanceOf(AutomationException.class)
                .hasMessageContaining("after 0 events").hasRootCauseMessage("engine unavailable");

        List<String> later = new ArrayList<>();
        assertThat(persistence.outboxDrainer(event -> later.add(event.eventId())).drainOnce()).isEqualTo(2);
        assertThat(later).containsExactly("e1", "e2");
    }

    @Test
    void drainOnce_whenTheConsumerFails_keepsTheEarlierProcessedAndTheRestForLater() throws SQLException {
        insert("e1", Optional.of("m1"), "{}");
        insert("e2", Optional.of("m2"), "{}");
        insert("e3", Optional.of("m3"), "{}");
        OutboxDrainer failing = persistence.outboxDrainer(event -> {
            if (event.eventId().equals("e2")) {
                throw new IllegalStateException("engine unavailable");
            }
        });

        assertThatThrownBy(failing::drainOnce).isInstanceOf(AutomationException.class)
                .hasMessageContaining("after 1 events").hasRootCauseMessage("engine unavailable");

        List<String> later = new ArrayList<>();
        assertThat(persistence.outboxDrainer(event -> later.add(event.eventId())).drainOnce()).isEqualTo(2);
        assertThat(later).containsExactly("e2", "e3");
    }

    @Test
    void drainOnce_whileAnotherDrainerHoldsAMembersEarlierEvent_leavesThatMembersLaterEventsAlone() throws Exception {
        insert("m1-first", Optional.of("m1"), "{}");
        insert("m2-only", Optional.of("m2"), "{}");
        insert("m1-second", Optional.of("m1"), "{}");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seenBySlow = Collections.synchronizedList(new ArrayList<>());
        OutboxDrainer slow = persistence.outboxDrainer(event -> {
            seenBySlow.add(event.eventId());
            holding.countDown();
            await(release);
        }, 1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> slowRun = CompletableFuture.supplyAsync(slow::drainOnce, thread);
            assertThat(holding.await(10, SECONDS)).isTrue();
            List<String> seenByFast = new ArrayList<>();

            int fast = persistence.outboxDrainer(event -> seenByFast.add(event.eventId())).drainOnce();

            release.countDown();
            assertThat(slowRun.get(10, SECONDS)).isEqualTo(1);
            assertThat(fast).isEqualTo(1);
            assertThat(seenBySlow).containsExactly("m1-first");
            assertThat(seenByFast).containsExactly("m2-only");
            List<String> rest = new ArrayList<>();
            persistence.outboxDrainer(event -> rest.add(event.eventId())).drainOnce();
            assertThat(rest).containsExactly("m1-second");
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void start_drainsEventsInsertedWhileRunning() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        OutboxDrainer.Running running = persistence.outboxDrainer(event -> seen.add(event.eventId()))
                .start(scheduler, Duration.ofMillis(50));
        try {
            insert("e1", Optional.of("m1"), "{}");

            assertThat(seen.poll(10, SECONDS)).isEqualTo("e1");
        } finally {
            running.close();
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(10, SECONDS)).isTrue();
        }
    }

    @Test
    void purgeProcessedBefore_deletesOnlyProcessedEvents() throws SQLException {
        insert("e1", Optional.of("m1"), "{}");
        OutboxDrainer drainer = persistence.outboxDrainer(event -> { });
        drainer.drainOnce();
        insert("e2", Optional.of("m1"), "{}");

        int purged = drainer.purgeProcessedBefore(java.time.Instant.parse("9999-01-01T00:00:00Z"));

        assertThat(purged).isEqualTo(1);
        List<String> rest = new ArrayList<>();
        persistence.outboxDrainer(event -> rest.add(event.eventId())).drainOnce();
        assertThat(rest).containsExactly("e2");
    }

    /** Writes an outbox row as a host would, in a transaction of its own. */
    protected void insert(String eventId, Optional<String> memberId, String payload) throws SQLException {
        Database database = Database.open(dataSource);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(database.sql("outbox.insert"))) {
            insert.setString(1, ORG);
            insert.setString(2, eventId);
            insert.setString(3, "payment_failed");
            if (memberId.isPresent()) {
                insert.setString(4, memberId.get());
            } else {
                insert.setNull(4, Types.VARCHAR);
            }
            insert.setString(5, payload);
            insert.setObject(6, OffsetDateTime.of(2030, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    protected JdbcPersistence persistence() {
        return persistence;
    }

    protected DataSource dataSource() {
        return dataSource;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
