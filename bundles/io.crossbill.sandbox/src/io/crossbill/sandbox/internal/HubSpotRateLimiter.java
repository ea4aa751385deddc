package io.crossbill.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * HubSpot's API limits for one portal: {@code perInterval} requests in a rolling interval (190 per 10 s,
 * policy TEN_SECONDLY_ROLLING), {@code perDay} per calendar day (reset at midnight; the sandbox uses UTC where
 * HubSpot uses the portal's time zone), and the search endpoints' own {@code searchPerSecond} (0 = off).
 * Refused requests do not count.
 */
public final class HubSpotRateLimiter {

    /**
     * Outcome of {@link #acquire}.
     *
     * @param policy null when admitted, else TEN_SECONDLY_ROLLING, DAILY or SEARCH_SECONDLY
     */
    public record Decision(String policy, long retryAfterSeconds, int intervalRemaining, int dailyRemaining) {
        public boolean admitted() {
            return policy == null;
        }
    }

    private final Clock clock;
    private final int perInterval;
    private final Duration interval;
    private final int perDay;
    private final int searchPerSecond;
    private final Deque<Instant> window = new ArrayDeque<>();
    private final Deque<Instant> searches = new ArrayDeque<>();
    private LocalDate day;
    private int usedToday;

    public HubSpotRateLimiter(Clock clock, int perInterval, Duration interval, int perDay, int searchPerSecond) {
        this.clock = clock;
        this.perInterval = perInterval;
        this.interval = interval;
        this.perDay = perDay;
        this.searchPerSecond = searchPerSecond;
    }

    public int perInterval() {
        return perInterval;
    }

    public Duration interval() {
        return interval;
    }

    public int perDay() {
        return perDay;
    }

    public synchronized Decision acquire(boolean search) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
        prune(window, now.minus(interval));
        prune(searches, now.minusSeconds(1));
        if (usedToday >= perDay) {
            Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new Decision("DAILY", secondsUntil(midnight, now), perInterval - window.size(), 0);
        }
        if (window.size() >= perInterval) {
            return new Decision("TEN_SECONDLY_ROLLING", secondsUntil(window.peekFirst().plus(interval), now), 0,
                    perDay - usedToday);
        }
        if (search && searchPerSecond > 0 && searches.size() >= searchPerSecond) {
            return new Decision("SEARCH_SECONDLY", secondsUntil(searches.peekFirst().plusSeconds(1), now),
                    perInterval - window.size(), perDay - usedToday);
        }
        window.addLast(now);
        if (search) {
            searches.addLast(now);
        }
        usedToday++;
        return new Decision(null, 0, perInterval - window.size(), perDay - usedToday);
    }

    /** Without taking a request: what is left now (for headers on refused answers). */
    public synchronized int dailyRemaining() {
        return day == null ? perDay : Math.max(0, perDay - usedToday);
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
