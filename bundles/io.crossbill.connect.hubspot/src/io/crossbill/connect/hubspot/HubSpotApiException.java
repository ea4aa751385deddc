package io.crossbill.connect.hubspot;

import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;

/**
 * A HubSpot answer or transport fault that a call could not get past, classified for the exception queue.
 * The message is one plain sentence (HubSpot's own validation messages where it gave any); it never contains
 * the access token.
 */
public final class HubSpotApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExceptionClass exceptionClass;
    private final int status;
    private final Duration retryAfter;
    private final String category;

    public HubSpotApiException(ExceptionClass exceptionClass, int status, Duration retryAfter, String category,
            String message) {
        this(exceptionClass, status, retryAfter, category, message, null);
    }

    public HubSpotApiException(ExceptionClass exceptionClass, int status, Duration retryAfter, String category,
            String message, Throwable cause) {
        super(message, cause);
        this.exceptionClass = exceptionClass;
        this.status = status;
        this.retryAfter = retryAfter;
        this.category = category;
    }

    /** How the failure is filed (AUTH, RATE_LIMITED, VALIDATION, CONNECTIVITY, ...). */
    public ExceptionClass exceptionClass() {
        return exceptionClass;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long to wait before trying again (RATE_LIMITED), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** HubSpot's error {@code category} (VALIDATION_ERROR, RATE_LIMITS, ...) or {@code null}. */
    public String category() {
        return category;
    }
}
