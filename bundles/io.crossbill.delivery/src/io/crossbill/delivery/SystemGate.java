package io.crossbill.delivery;

import dev.failsafe.Bulkhead;
import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one door to a target system that all its delivery workers share: every request passes Failsafe
 * {@link RateLimiter}s (requests per period, requests per day) and a Failsafe {@link Bulkhead} (requests
 * in flight), and when
 * the system says "slow down" (a 429 with Retry-After) the whole door closes until then, not only for the
 * worker that was told.
 */
public final class SystemGate {

    /** A request's place in the system's concurrency limit; closing it frees the place. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private final SystemLimits limits;
    private final DeliveryClock clock;
    private final Bulkhead<Object> inFlight;
    private final RateLimiter<Object> rate;
    private final RateLimiter<Object> daily;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    public SystemGate(SystemLimits limits, DeliveryClock clock) {
        this.limits = limits;
        this.clock = clock;
        this.inFlight = Bulkhead.of(limits.maxConcurrent());
        this.rate = !limits.rateLimited() ? null
                : limits.burst() ? RateLimiter.burstyBuilder(limits.requests(), limits.period()).build()
                : RateLimiter.smoothBuilder(limits.requests(), limits.period()).build();
        this.daily = limits.perDay() == 0 ? null
                : RateLimiter.burstyBuilder(limits.perDay(), Duration.ofDays(1)).build();
    }

    public SystemLimits limits() {
        return limits;
    }

    /**
     * Waits for the system's pause to end and for a rate-limit slot (both through the clock), then for a
     * place among the requests in flight.
     */
    public Pass enter() throws InterruptedException {
        waitWhileClosed();
        // a limiter reserves the next free slot and says how long until it; the wait goes through the
        // clock so tests do not sleep. The daily budget is a bursty window: once spent, wait for the next day.
        if (daily != null) {
            clock.sleep(daily.reservePermit());
        }
        if (rate != null) {
            clock.sleep(rate.reservePermit());
        }
        inFlight.acquirePermit();
        return inFlight::releasePermit;
    }

    /** Closes the door for every worker until {@code until} (the system asked us to wait). */
    public void closeUntil(Instant until) {
        closedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void waitWhileClosed() throws InterruptedException {
        for (;;) {
            Duration left = Duration.between(clock.now(), closedUntil.get());
            if (left.isNegative() || left.isZero()) {
                return;
            }
            clock.sleep(left);
        }
    }
}
