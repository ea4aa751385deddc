package io.crossbill.engine.api;

import java.util.Optional;

/**
 * A target system as the delivery step sees it. Deliberately minimal for now: it grows with the
 * connector issue (reads, paging, webhooks, per-system limits).
 * <p>
 * Exactly-once effect rests on two things a connector provides: it sends the outbox entry's idempotency
 * key where the target honours one (Xero's {@code Idempotency-Key}), and it can look a record up by our
 * reference, so that after a crash between sending and recording the answer the engine can ask before it
 * sends again.
 */
public interface Connector {

    /** The system's name as used in envelopes and outbox rows, e.g. {@code xero}. */
    String system();

    /** Makes one write. Must not throw for answers of the target; transport faults may be thrown. */
    WriteResult write(OutboxEntry entry);

    /**
     * Finds a record that an earlier write created, by our reference (the idempotency key or the
     * lineage id we stored in the target).
     *
     * @return the record's id in the target, or empty when no such write arrived
     */
    Optional<String> findByReference(String entity, String reference);

    /**
     * Whether the target honours the idempotency key sent with each write (Xero's {@code Idempotency-Key}:
     * a repeat with the same key returns the first answer and has no second effect). For such a target a
     * write that may or may not have arrived is simply sent again with the same key; for any other target
     * delivery first asks {@link #findByReference}.
     */
    default boolean honoursIdempotencyKey() {
        return false;
    }
}
