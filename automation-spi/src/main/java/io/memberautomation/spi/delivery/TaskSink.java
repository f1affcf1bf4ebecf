package io.memberautomation.spi.delivery;

/** Receives staff tasks. Must tolerate the same idempotency key twice (at-least-once delivery). */
@FunctionalInterface
public interface TaskSink {
    void create(StaffTask task);
}
