package io.memberautomation.core;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestClockTest {
    private static final Instant START = Instant.parse("2030-01-01T09:00:00Z");

    @Test
    void now_whenNotMoved_staysAtTheStart() {
        TestClock clock = TestClock.at(START);

        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void advance_whenPositive_movesForwardByThatMuch() {
        TestClock clock = TestClock.at(START);

        Instant moved = clock.advance(Duration.ofDays(30));

        assertThat(moved).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(clock.now()).isEqualTo(moved);
    }

    @Test
    void advance_whenNegative_isRefusedAndTheClockStays() {
        TestClock clock = TestClock.at(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void set_whenLaterOrEqual_movesThere() {
        TestClock clock = TestClock.at(START);

        clock.set(START);
        clock.set(START.plusSeconds(90));

        assertThat(clock.now()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void set_whenEarlier_isRefusedAndTheClockStays() {
        TestClock clock = TestClock.at(START.plusSeconds(60));

        assertThatThrownBy(() -> clock.set(START)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void advance_whenFourThreadsAdvanceAtOnce_losesNoStep() throws Exception {
        TestClock clock = TestClock.at(START);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        clock.advance(Duration.ofSeconds(1));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, SECONDS)).isTrue();
        }

        assertThat(clock.now()).isEqualTo(START.plusSeconds(4000));
    }
}
