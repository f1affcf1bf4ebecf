package io.memberautomation.core.trigger;

import static io.memberautomation.core.tck.StoreFixtures.enrollmentOf;
import static io.memberautomation.core.tck.StoreFixtures.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.store.InMemoryPersistence;
import io.memberautomation.spi.InfrastructureException;
import io.memberautomation.spi.store.Enrollment;
import io.memberautomation.spi.store.EnrollmentResult;
import io.memberautomation.spi.store.ExecutionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupEnrollmentTest {
    private static final Instant NOW = Instant.parse("2030-03-04T05:06:07Z");

    private final ExecutorService publishers = Executors.newFixedThreadPool(12);
    private final ExecutionStore memory = new InMemoryPersistence().executions();
    /** The sizes of the store calls, in order: 1 for {@code enroll}, n for {@code enrollAll} of n. */
    private final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstCallEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCall = new CountDownLatch(1);
    private final AtomicBoolean failBatches = new AtomicBoolean();

    @AfterEach
    void stopPublishers() throws InterruptedException {
        releaseFirstCall.countDown();
        publishers.shutdownNow();
        assertThat(publishers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void enroll_whenPublishersArriveDuringAStoreCall_storesThemTogetherInCallsOfAtMostTheLimit() throws Exception {
        GroupEnrollment group = new GroupEnrollment(gatedStore(), 4, 1);
        Future<EnrollmentResult> first = publishers.submit(() -> group.enroll(enrollment("x00")));
        firstCallEntered.await();
        List<Future<EnrollmentResult>> later = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = String.format("x%02d", i);
            later.add(publishers.submit(() -> group.enroll(enrollment(id))));
        }
        awaitWaiting(group, 10);

        releaseFirstCall.countDown();

        assertThat(first.get().created()).containsExactly("x00");
        for (int i = 1; i <= 10; i++) {
            assertThat(later.get(i - 1).get().created())
                    .containsExactly(String.format("x%02d", i));
        }
        assertThat(calls).as("the lone first publisher, then the ten waiting in calls of at most four")
                .containsExactly(1, 4, 4, 2);
        for (int i = 0; i <= 10; i++) {
            assertThat(memory.find(String.format("x%02d", i))).isPresent();
        }
    }

    @Test
    void enroll_whenFewerCallsThanTheLimitAreInFlight_storesAPublisherAtOnceBesideThem() throws Exception {
        GroupEnrollment group = new GroupEnrollment(gatedStore(), 16, 2);
        Future<EnrollmentResult> first = publishers.submit(() -> group.enroll(enrollment("x00")));
        firstCallEntered.await();

        assertThat(group.enroll(enrollment("x01")).created()).as("not held up by the first call")
                .containsExactly("x01");

        releaseFirstCall.countDown();
        assertThat(first.get().created()).containsExactly("x00");
        assertThat(calls).containsExactly(1, 1);
    }

    @Test
    void enroll_whenTheGroupsStoreCallFails_failsEveryPublisherOfThatCallAndTheNextCallWorks() throws Exception {
        GroupEnrollment group = new GroupEnrollment(gatedStore(), 16, 1);
        Future<EnrollmentResult> first = publishers.submit(() -> group.enroll(enrollment("x00")));
        firstCallEntered.await();
        List<Future<EnrollmentResult>> later = new ArrayList<>();
        for (String id : List.of("x01", "x02", "x03")) {
            later.add(publishers.submit(() -> group.enroll(enrollment(id))));
        }
        awaitWaiting(group, 3);
        failBatches.set(true);

        releaseFirstCall.countDown();

        assertThat(first.get().created()).hasSize(1);
        for (Future<EnrollmentResult> publisher : later) {
            assertThatThrownBy(publisher::get).isInstanceOf(java.util.concurrent.ExecutionException.class)
                    .cause().isInstanceOf(InfrastructureException.class).hasMessageContaining("database went away");
        }
        assertThat(memory.find("x02")).isEmpty();
        failBatches.set(false);
        assertThat(group.enroll(enrollment("x04")).created()).containsExactly("x04");
    }

    @Test
    void enroll_whenAWaitingPublisherIsInterrupted_stillReturnsItsStoredResultAndKeepsTheInterrupt() throws Exception {
        GroupEnrollment group = new GroupEnrollment(gatedStore(), 16, 1);
        publishers.submit(() -> group.enroll(enrollment("x00")));
        firstCallEntered.await();
        CountDownLatch interruptedSeen = new CountDownLatch(1);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            group.enroll(enrollment("x01"));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            interruptedSeen.countDown();
        }, "waiting-publisher");
        waiter.start();
        awaitWaiting(group, 1);

        waiter.interrupt();
        releaseFirstCall.countDown();

        assertThat(interruptedSeen.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stillInterrupted).isTrue();
        assertThat(memory.find("x01")).isPresent();
    }

    /** The in-memory store, whose first call waits for the test to release it, failing calls on demand. */
    private ExecutionStore gatedStore() {
        return (ExecutionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExecutionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enroll") || method.getName().equals("enrollAll")) {
                        int size = method.getName().equals("enroll") ? 1 : ((List<?>) args[0]).size();
                        boolean firstCall;
                        synchronized (calls) {
                            firstCall = calls.isEmpty();
                            calls.add(size);
                        }
                        if (firstCall) {
                            firstCallEntered.countDown();
                            releaseFirstCall.await();
                        } else if (failBatches.get()) {
                            throw new InfrastructureException("database went away");
                        }
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Waits, yielding, until the group holds {@code count} enrollments waiting for a store call. */
    private static void awaitWaiting(GroupEnrollment group, int count) {
        while (group.waiting() < count) {
            Thread.onSpinWait();
        }
    }

    private static Enrollment enrollment(String executionId) {
        return enrollmentOf(execution(executionId, "org", "welcome", "m-" + executionId, NOW));
    }
}
