/**
 * Delivery of outbox entries to target systems with exactly-once effect, retries and per-system limits.
 * <p>
 * {@link io.crossbill.delivery.Dispatcher} runs {@link io.crossbill.delivery.DeliveryWorker}s per system;
 * each entry goes through {@link io.crossbill.delivery.Delivery}, which sends it with its idempotency key,
 * re-sends or looks up after a possible earlier arrival, and retries transient failures with Failsafe's
 * exponential backoff and jitter up to the system's budget, then dead-letters. All workers of a system
 * share one {@link io.crossbill.delivery.SystemGate} (Failsafe rate limiter and bulkhead) configured by
 * {@link io.crossbill.delivery.SystemLimits}. Time goes through {@link io.crossbill.delivery.DeliveryClock}.
 */
package io.crossbill.delivery;
