package io.memberautomation.spi;

/**
 * A transient failure of infrastructure (database connection lost, lock conflict, queue unavailable).
 * The engine backs off and tries the same work again later; it never counts against an action's retries.
 */
public class InfrastructureException extends AutomationException {
    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
