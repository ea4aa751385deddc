package io.crossbill.workflow;

import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reads from a system with the same patience as writes: a read answered 429 waits for the Retry-After
 * (or backs off) and tries again, a 5xx or a dropped connection is tried again with backoff; anything else,
 * or too many failures, ends the run with a {@link ReadFailedException} that says what could not be read.
 */
final class Reads {
    private static final int ATTEMPTS = 6;

    private Reads() {
    }

    static <T> T retry(WorkflowContext ctx, String what, Supplier<T> read) throws ReadFailedException {
        Duration backoff = Duration.ofMillis(200);
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                ExceptionClass cls = classOf(e);
                if (cls == null || !cls.isTransient() || attempt >= ATTEMPTS) {
                    throw new ReadFailedException(cls == null ? ExceptionClass.INTERNAL : cls, "Could not read " + what
                            + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + e.getMessage(), e);
                }
                Duration wait = retryAfter(e);
                try {
                    ctx.waits().sleep(wait != null ? wait : backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ReadFailedException(ExceptionClass.CONNECTIVITY, "Stopped while reading " + what, ie);
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** The exception class of a connector's failure, or {@code null} for a fault of our own. */
    static ExceptionClass classOf(RuntimeException e) {
        if (e instanceof XeroApiException x) {
            return x.exceptionClass();
        }
        return Connectors.classOf(e);
    }

    private static Duration retryAfter(RuntimeException e) {
        if (e instanceof XeroApiException x) {
            return x.retryAfter();
        }
        return Connectors.retryAfter(e);
    }
}
