/**
 * Delivery on top of the engine's H2 store ({@code io.crossbill.store}): the outbox as a
 * {@link io.crossbill.delivery.DeliveryQueue}, and recovery of entries in doubt after a crash.
 */
package io.crossbill.delivery.store;
