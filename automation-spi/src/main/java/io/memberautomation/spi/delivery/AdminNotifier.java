package io.memberautomation.spi.delivery;

/** Delivers admin notifications. Must tolerate the same idempotency key twice. */
@FunctionalInterface
public interface AdminNotifier {
    void notify(AdminNotification notification);
}
