package io.memberautomation.spi;

/**
 * A write lost a race: the record changed since it was read, or the writer's lease ran out. The writer
 * must drop its result and re-read; the work it did will be redone by whoever holds the record now.
 */
public class ConcurrentUpdateException extends AutomationException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
