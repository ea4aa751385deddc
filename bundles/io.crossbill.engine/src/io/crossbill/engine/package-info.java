/**
 * The sync engine's runtime. For now: the ingest pipeline ({@link io.crossbill.engine.IngestPipeline}) that
 * takes batches of received records through content hash, parse, map, validate and the idempotency check
 * into the inbox and outbox of the {@code io.crossbill.store} database, turning every failing record into a
 * classified exception without stopping the batch. Delivery, retries and replay come next.
 */
package io.crossbill.engine;
