/**
 * The engine's persistence on a local H2 file ({@code <workspace>/crossbill.mv.db}): inbox, durable
 * idempotency keys, outbox, exception queue with history, hash-chained audit trail and metrics, with
 * versioned schema migrations. Open it with {@link io.crossbill.store.EngineDatabase#open}; reach the
 * tables through the objects it hands out. See the bundle's README for the durability the settings give.
 */
package io.crossbill.store;
