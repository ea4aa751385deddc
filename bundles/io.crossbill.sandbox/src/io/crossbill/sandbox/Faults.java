package io.crossbill.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Runtime fault injection shared by both sandbox servers. Each armed fault answers (or spoils) the
 * next matching request once; faults fire in the order they were armed.
 */
public final class Faults {

    /** What an armed fault does to the request it hits. */
    public enum Kind {
        /** 429 with Retry-After and X-Rate-Limit-Problem: minute; the request has no effect. */
        RATE_LIMIT,
        /** 500 with an empty body; the request has no effect. */
        SERVER_ERROR,
        /** 503 with an empty body; the request has no effect. */
        SERVICE_UNAVAILABLE,
        /**
         * The request IS applied (and remembered under its Idempotency-Key), but the client receives
         * 200 with a truncated, unparseable JSON body: "the answer was lost after the write".
         */
        MALFORMED_JSON,
        /**
         * The request is admitted (counts as in flight for the concurrency limit) and held for the delay before
         * it is applied and answered: past the client's timeout, the client cannot know whether it was applied.
         */
        SLOW,
        /**
         * The request IS applied (and remembered under its Idempotency-Key), then the connection is closed
         * without any answer: the client sees the connection drop after the write was made. Xero servers only
         * (the HubSpot sandbox has {@code dropConnectionAfterWrite}).
         */
        DROP_AFTER_WRITE,
        /**
         * The request IS applied (and remembered under its Idempotency-Key) at once, and the answer is held for
         * the delay: with a delay past the client's timeout, a timeout after the write was made. Xero servers
         * only.
         */
        SLOW_AFTER_WRITE
    }

    /** One armed fault; {@code delay} only matters for {@link Kind#SLOW} and {@link Kind#SLOW_AFTER_WRITE}. */
    public record Armed(Kind kind, String pathContains, Duration delay) { }

    private final Deque<Armed> armed = new ArrayDeque<>();

    /** Arms {@code count} faults of {@code kind} for any request. */
    public void next(int count, Kind kind) {
        next(count, kind, null);
    }

    /**
     * Arms {@code count} faults of {@code kind} for requests whose path contains {@code pathContains}
     * (case-insensitive), e.g. "Invoices" or "/Time".
     */
    public void next(int count, Kind kind, String pathContains) {
        if (kind == null) {
            throw new IllegalArgumentException("a fault kind is required");
        }
        arm(count, kind, Duration.ZERO, pathContains);
    }

    /** Arms {@code count} slow answers, each held for {@code delay} after admission, before the request is applied. */
    public void slow(int count, Duration delay, String pathContains) {
        arm(count, Kind.SLOW, delay, pathContains);
    }

    /**
     * Arms {@code count} late answers: the request is applied at once and its answer held for {@code delay}. With a
     * delay longer than the client's timeout this is "the client timed out, but the write was made".
     */
    public void slowAfterWrite(int count, Duration delay, String pathContains) {
        arm(count, Kind.SLOW_AFTER_WRITE, delay, pathContains);
    }

    /**
     * Arms {@code count} dropped connections: the request is applied, then the connection is closed unanswered
     * (same as {@code next(count, Kind.DROP_AFTER_WRITE, pathContains)}).
     */
    public void dropConnectionAfterWrite(int count, String pathContains) {
        next(count, Kind.DROP_AFTER_WRITE, pathContains);
    }

    private synchronized void arm(int count, Kind kind, Duration delay, String pathContains) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + delay);
        }
        for (int i = 0; i < count; i++) {
            armed.addLast(new Armed(kind, pathContains == null ? null : pathContains.toLowerCase(), delay));
        }
    }

    /** Disarms every fault not yet fired. */
    public synchronized void clear() {
        armed.clear();
    }

    /** How many armed faults have not fired yet. */
    public synchronized int pending() {
        return armed.size();
    }

    /** Takes (disarms) the first armed fault matching {@code path}, or null. Used by the servers. */
    public synchronized Armed take(String path) {
        String p = path.toLowerCase();
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed a = it.next();
            if (a.pathContains() == null || p.contains(a.pathContains())) {
                it.remove();
                return a;
            }
        }
        return null;
    }
}
