package io.crossbill.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Where delivery reads the time and waits: backoff, Retry-After, rate-limit waits and pauses all go
 * through this, so tests can replace real waiting with a clock that only moves forward.
 */
public interface DeliveryClock {

    /** The wall clock and {@link Thread#sleep}. */
    DeliveryClock SYSTEM = new DeliveryClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration);
            }
        }
    };

    Instant now();

    /** Waits for the given time; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;
}
