/**
 * An {@link io.memberautomation.spi.delivery.EmailSender} over SMTP that a host can use as it is or copy:
 * {@link io.memberautomation.examples.email.SmtpEmailSender}.
 */
@NullMarked
package io.memberautomation.examples.email;

import org.jspecify.annotations.NullMarked;
