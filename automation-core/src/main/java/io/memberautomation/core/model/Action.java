package io.memberautomation.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An action step's work: a built-in or custom action type with its params and failure policy.
 *
 * @param type       {@code send_email}, {@code webhook}, ... or a registered custom type
 * @param params     the type's params as immutable JSON data (see {@link JsonData})
 * @param onError    what a failure does (default {@link OnError#STOP})
 * @param retryCount further attempts for {@link OnError#RETRY} (default 3)
 * @param retry      backoff between attempts; empty means {@link RetryPolicy#DEFAULT}
 */
public record Action(String type, Map<String, Object> params, OnError onError, int retryCount,
                     Optional<RetryPolicy> retry) {

    public static final int DEFAULT_RETRY_COUNT = 3;
    public static final int MAX_RETRY_COUNT = 100;

    public Action {
        Checks.text(type, "type");
        params = JsonData.copyObject(params);
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(retry, "retry");
        if (retryCount < 0 || retryCount > MAX_RETRY_COUNT) {
            throw new IllegalArgumentException("retryCount must be within 0.." + MAX_RETRY_COUNT + ": " + retryCount);
        }
    }

    public static Action of(String type, Map<String, Object> params) {
        return new Action(type, params, OnError.STOP, DEFAULT_RETRY_COUNT, Optional.empty());
    }

    /** The retry policy in force. */
    public RetryPolicy retryPolicy() {
        return retry.orElse(RetryPolicy.DEFAULT);
    }

    /** The number of attempts the action gets in all: 1, or 1 + retryCount under {@link OnError#RETRY}. */
    public int maxAttempts() {
        return onError == OnError.RETRY ? 1 + retryCount : 1;
    }
}
