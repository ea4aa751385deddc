package io.crossbill.engine.api;

/**
 * One write waiting to be made to a target system.
 *
 * @param id             the outbox row id
 * @param idempotencyKey the key sent with the write (Xero's {@code Idempotency-Key} header) and used to
 *                       look the write up by our reference before re-sending
 * @param targetSystem   where it goes
 * @param entity         the canonical entity, e.g. {@code TimeEntry}
 * @param payload        the canonical record as UTF-8 JSON
 * @param attempts       how many times it was tried before
 * @param lineageId      the record's lineage id
 */
public record OutboxEntry(long id, String idempotencyKey, String targetSystem, String entity, byte[] payload,
        int attempts, String lineageId) {
}
