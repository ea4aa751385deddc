package io.crossbill.engine.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether and when a failed write is tried again. Delivery and its backoff, jitter and rate
 * limits are built on top of this later; this is only the contract.
 */
public interface RetryPolicy {

    /**
     * @param attempts   how many attempts were made so far (1 after the first failure)
     * @param failure    what kind of failure the last attempt had
     * @param retryAfter the target's Retry-After, if it sent one
     * @return the delay before the next attempt, or empty to give up (the entry is dead-lettered)
     */
    Optional<Duration> nextDelay(int attempts, ExceptionClass failure, Optional<Duration> retryAfter);
}
