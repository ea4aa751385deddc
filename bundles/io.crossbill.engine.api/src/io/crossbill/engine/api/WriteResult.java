package io.crossbill.engine.api;

import java.time.Duration;

/**
 * What a target system answered to a write.
 *
 * @param outcome        done, try again later, or failed for good
 * @param targetId       the record's id in the target, when done
 * @param failureClass   for {@link Outcome#RETRY} and {@link Outcome#FAILED}: why
 * @param detail         the answer, for the exception queue and the audit trail
 * @param retryAfter     the target's Retry-After, or {@code null}
 */
public record WriteResult(Outcome outcome, String targetId, ExceptionClass failureClass, String detail,
        Duration retryAfter) {

    public enum Outcome { DONE, RETRY, FAILED }

    public static WriteResult done(String targetId, String detail) {
        return new WriteResult(Outcome.DONE, targetId, null, detail, null);
    }

    public static WriteResult retry(ExceptionClass why, String detail, Duration retryAfter) {
        return new WriteResult(Outcome.RETRY, null, why, detail, retryAfter);
    }

    public static WriteResult failed(ExceptionClass why, String detail) {
        return new WriteResult(Outcome.FAILED, null, why, detail, null);
    }
}
