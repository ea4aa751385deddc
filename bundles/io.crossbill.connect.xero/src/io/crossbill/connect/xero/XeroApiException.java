package io.crossbill.connect.xero;

import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;

/**
 * A Xero answer or transport fault that a read could not get past, classified for the exception queue.
 * The message is plain language (Xero's own validation messages where it gave any); it never contains
 * the access token.
 */
public final class XeroApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExceptionClass exceptionClass;
    private final int status;
    private final Duration retryAfter;
    private final String rateLimitProblem;

    public XeroApiException(ExceptionClass exceptionClass, int status, Duration retryAfter, String rateLimitProblem,
            String message) {
        this(exceptionClass, status, retryAfter, rateLimitProblem, message, null);
    }

    public XeroApiException(ExceptionClass exceptionClass, int status, Duration retryAfter, String rateLimitProblem,
            String message, Throwable cause) {
        super(message, cause);
        this.exceptionClass = exceptionClass;
        this.status = status;
        this.retryAfter = retryAfter;
        this.rateLimitProblem = rateLimitProblem;
    }

    /** How the failure is filed (AUTH, RATE_LIMITED, CONNECTIVITY, REJECTED, ...). */
    public ExceptionClass exceptionClass() {
        return exceptionClass;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** Xero's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Xero's {@code X-Rate-Limit-Problem} ({@code concurrent}, {@code minute}, {@code day}), or {@code null}. */
    public String rateLimitProblem() {
        return rateLimitProblem;
    }
}
