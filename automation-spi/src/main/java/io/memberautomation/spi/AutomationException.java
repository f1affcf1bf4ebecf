package io.memberautomation.spi;

/** The root of every unchecked exception the automation engine throws. */
public class AutomationException extends RuntimeException {

    public AutomationException(String message) {
        super(message);
    }

    public AutomationException(String message, Throwable cause) {
        super(message, cause);
    }
}
