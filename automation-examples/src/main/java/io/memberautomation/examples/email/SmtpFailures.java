package io.memberautomation.examples.email;

import io.memberautomation.spi.delivery.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * What an SMTP failure means for a retry. A 5xx reply is the server's final word (an unknown mailbox, a
 * policy rejection, bad credentials), so sending again cannot help; a 4xx reply is "not now"; no reply at all
 * (refused connection, timeout, a dropped line) is trouble worth retrying.
 */
final class SmtpFailures {
    private SmtpFailures() {}

    static DeliveryException classify(MessagingException failure) {
        Optional<Integer> code = replyCode(failure);
        if (code.isPresent() && code.get() >= 500) {
            return new DeliveryException("SMTP server rejected the message for good (" + code.get() + "): "
                    + failure.getMessage(), false, failure);
        }
        if (code.isPresent() && code.get() >= 400) {
            return new DeliveryException("SMTP server deferred the message (" + code.get() + "): "
                    + failure.getMessage(), true, failure);
        }
        return new DeliveryException("SMTP server could not be reached or stopped answering: " + describe(failure),
                true, failure);
    }

    /** The first SMTP reply code in the chain of exceptions Angus Mail nests (authentication failure is 535). */
    private static Optional<Integer> replyCode(MessagingException failure) {
        for (@Nullable Throwable current = failure; current != null; current = next(current)) {
            if (current instanceof SMTPSendFailedException e) {
                return Optional.of(e.getReturnCode());
            }
            if (current instanceof SMTPAddressFailedException e) {
                return Optional.of(e.getReturnCode());
            }
            if (current instanceof SMTPSenderFailedException e) {
                return Optional.of(e.getReturnCode());
            }
            if (current instanceof AuthenticationFailedException) {
                return Optional.of(535);
            }
        }
        return Optional.empty();
    }

    private static @Nullable Throwable next(Throwable current) {
        if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return current.getCause() == current ? null : current.getCause();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root == failure ? failure.getClass().getSimpleName() + message
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + message + ")";
    }
}
