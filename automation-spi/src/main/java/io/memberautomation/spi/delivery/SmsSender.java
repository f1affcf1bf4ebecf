package io.memberautomation.spi.delivery;

/** Sends SMS. Same guarantees as {@link EmailSender}. */
@FunctionalInterface
public interface SmsSender {
    DeliveryReceipt send(SmsMessage message);
}
