package io.crossbill.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Xero's per-tenant limits, shared by all APIs of a tenant: {@code concurrent} requests in flight,
 * {@code perMinute} in a sliding 60 s window, {@code perDay} in a sliding 24 h window. Refused requests
 * do not count.
 */
public final class RateLimiter {

    /** Outcome of {@link #acquire}: null problem means admitted. */
    public record Decision(String problem, long retryAfterSeconds, int minuteRemaining, int dayRemaining) {
        public boolean admitted() {
            return problem == null;
        }
    }

    private static final class TenantState {
        final Deque<Instant> minute = new ArrayDeque<>();
        final Deque<Instant> day = new ArrayDeque<>();
        int inFlight;
    }

    private final Clock clock;
    private final int concurrent;
    private final int perMinute;
    private final int perDay;
    private final Map<String, TenantState> tenants = new HashMap<>();

    public RateLimiter(Clock clock, int concurrent, int perMinute, int perDay) {
        this.clock = clock;
        this.concurrent = concurrent;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    public synchronized Decision acquire(String tenant) {
        TenantState s = tenants.computeIfAbsent(tenant, t -> new TenantState());
        Instant now = clock.instant();
        prune(s.minute, now.minus(Duration.ofMinutes(1)));
        prune(s.day, now.minus(Duration.ofDays(1)));
        if (s.day.size() >= perDay) {
            return new Decision("day", secondsUntil(s.day.peekFirst().plus(Duration.ofDays(1)), now), 0, 0);
        }
        if (s.minute.size() >= perMinute) {
            return new Decision("minute", secondsUntil(s.minute.peekFirst().plus(Duration.ofMinutes(1)), now), 0,
                    perDay - s.day.size());
        }
        if (s.inFlight >= concurrent) {
            return new Decision("concurrent", 1, perMinute - s.minute.size(), perDay - s.day.size());
        }
        s.minute.addLast(now);
        s.day.addLast(now);
        s.inFlight++;
        return new Decision(null, 0, perMinute - s.minute.size(), perDay - s.day.size());
    }

    public synchronized void release(String tenant) {
        TenantState s = tenants.get(tenant);
        if (s != null && s.inFlight > 0) {
            s.inFlight--;
        }
    }

    private static void prune(Deque<Instant> q, Instant cutoff) {
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.removeFirst();
        }
    }

    private static long secondsUntil(Instant when, Instant now) {
        long millis = Duration.between(now, when).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
