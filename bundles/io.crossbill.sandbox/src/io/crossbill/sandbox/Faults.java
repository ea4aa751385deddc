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
        /** The request is admitted (counts as in flight for the concurrency limit) and answered late. */
        SLOW
    }

    /** One armed fault; {@code delay} only matters for {@link Kind#SLOW}. */
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
    public synchronized void next(int count, Kind kind, String pathContains) {
        for (int i = 0; i < count; i++) {
            armed.addLast(new Armed(kind, pathContains == null ? null : pathContains.toLowerCase(), Duration.ZERO));
        }
    }

    /** Arms {@code count} slow answers, each held for {@code delay} after admission. */
    public synchronized void slow(int count, Duration delay, String pathContains) {
        for (int i = 0; i < count; i++) {
            armed.addLast(new Armed(Kind.SLOW, pathContains == null ? null : pathContains.toLowerCase(), delay));
        }
    }

    public synchronized void clear() {
        armed.clear();
    }

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
