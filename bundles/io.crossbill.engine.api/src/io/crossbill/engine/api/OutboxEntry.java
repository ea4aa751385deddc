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
 * @param inboxId        the inbox row the entry was made from (its original payload), or 0 when none
 * @param workflow       the workflow that made the entry, or {@code null} when not recorded
 * @param businessKey    what an analyst searches by (e.g. the time entry id), or {@code null}
 */
public record OutboxEntry(long id, String idempotencyKey, String targetSystem, String entity, byte[] payload,
        int attempts, String lineageId, long inboxId, String workflow, String businessKey) {

    /** An entry without inbox row, workflow or business key (tests, hand-made entries). */
    public OutboxEntry(long id, String idempotencyKey, String targetSystem, String entity, byte[] payload,
            int attempts, String lineageId) {
        this(id, idempotencyKey, targetSystem, entity, payload, attempts, lineageId, 0, null, null);
    }

    /** The same entry with another attempt count. */
    public OutboxEntry withAttempts(int n) {
        return new OutboxEntry(id, idempotencyKey, targetSystem, entity, payload, n, lineageId, inboxId, workflow,
                businessKey);
    }
}
