package io.crossbill.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How hard Crossbill may press one target system, for all its delivery workers together: a request rate,
 * a number of requests in flight, and the retry budget of one write.
 *
 * @param system          the system's name as in outbox rows
 * @param requests        requests allowed per {@code period}; 0 for no rate limit
 * @param period          the rate limit's window
 * @param burst           {@code true} when the whole window's allowance may be used at once (HubSpot's
 *                        rolling 10 s window), {@code false} to spread requests evenly (Xero's per-minute
 *                        limit, where bursts earn a 429)
 * @param perDay          requests allowed per day (Xero 5,000, HubSpot 650,000); 0 for no daily budget
 * @param maxConcurrent   requests in flight at once
 * @param maxAttempts     the retry budget: attempts of one write before it is dead-lettered
 * @param firstRetryDelay backoff before the second attempt; doubles each time
 * @param maxRetryDelay   the longest backoff
 * @param jitter          random spread of each backoff, a fraction between 0 and 1
 */
public record SystemLimits(String system, long requests, Duration period, boolean burst, long perDay,
        int maxConcurrent, int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay, double jitter) {

    public SystemLimits {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(period, "period");
        if (requests < 0 || perDay < 0 || maxConcurrent < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("limits of " + system + " must be positive: " + requests
                    + " requests, " + maxConcurrent + " concurrent, " + maxAttempts + " attempts");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    /**
     * The published limits of a vendor (DOMAIN.md), by system name: {@code xero} 60 a minute and 5 at
     * once per tenant, 5,000 a day; {@code hubspot} 190 per 10 s, 650,000 a day (the lowest tier); {@code netsuite} 5 at once (the smallest account
     * concurrency); {@code salesforce} and {@code kantata} publish no per-second figure, so a cautious
     * 10 a second and 5 at once. Unknown systems get the same cautious default.
     */
    public static SystemLimits forVendor(String system) {
        return switch (system.toLowerCase(Locale.ROOT)) {
            case "xero" -> new SystemLimits(system, 60, Duration.ofMinutes(1), false, 5_000, 5, 8, FIRST, MAX, 0.5);
            case "hubspot" -> new SystemLimits(system, 190, Duration.ofSeconds(10), true, 650_000, 10, 8, FIRST, MAX,
                    0.5);
            case "netsuite" -> new SystemLimits(system, 10, Duration.ofSeconds(1), false, 0, 5, 8, FIRST, MAX, 0.5);
            default -> new SystemLimits(system, 10, Duration.ofSeconds(1), false, 0, 5, 8, FIRST, MAX, 0.5);
        };
    }

    /** No rate limit, only a concurrency limit; for local targets and tests. */
    public static SystemLimits concurrencyOnly(String system, int maxConcurrent) {
        return new SystemLimits(system, 0, Duration.ofSeconds(1), false, 0, maxConcurrent, 8, FIRST, MAX, 0.5);
    }

    public SystemLimits withRate(long requests, Duration period, boolean burst) {
        return new SystemLimits(system, requests, period, burst, perDay, maxConcurrent, maxAttempts,
                firstRetryDelay, maxRetryDelay, jitter);
    }

    public SystemLimits withPerDay(long n) {
        return new SystemLimits(system, requests, period, burst, n, maxConcurrent, maxAttempts, firstRetryDelay,
                maxRetryDelay, jitter);
    }

    public SystemLimits withMaxConcurrent(int n) {
        return new SystemLimits(system, requests, period, burst, perDay, n, maxAttempts, firstRetryDelay,
                maxRetryDelay, jitter);
    }

    public SystemLimits withRetries(int attempts, Duration first, Duration max, double jitterFactor) {
        return new SystemLimits(system, requests, period, burst, perDay, maxConcurrent, attempts, first, max,
                jitterFactor);
    }

    /** {@code true} when a request rate is enforced. */
    public boolean rateLimited() {
        return requests > 0;
    }
}
