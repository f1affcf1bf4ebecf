package io.memberautomation.spi;

/** The root of every exception the engine and its SPIs throw. Unchecked, like Jdbi's. */
public class AutomationException extends RuntimeException {
    public AutomationException(String message) {
        super(message);
    }

    public AutomationException(String message, Throwable cause) {
        super(message, cause);
    }
}
