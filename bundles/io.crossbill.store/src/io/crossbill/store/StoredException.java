package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import java.time.Instant;
import java.util.List;

/**
 * An entry of the exception queue as stored.
 *
 * @param originalPayload  the payload as received, or its first {@link ExceptionQueue#MAX_STORED_PAYLOAD}
 *                         bytes when it was larger ({@code payloadTruncated}); {@code payloadSize} is the
 *                         full size
 * @param history          what happened to it, oldest first; empty in query results, filled by
 *                         {@link ExceptionQueue#get}
 * @param outboxId         the outbox entry whose delivery failed, for exceptions filed by delivery; {@code null}
 *                         for failures while taking a record in and for exceptions filed before schema version 3
 */
public record StoredException(long id, ExceptionClass exceptionClass, ExceptionState state, String workflow,
        String step, String system, String entity, String businessKey, String lineageId, byte[] originalPayload,
        long payloadSize, boolean payloadTruncated, byte[] mappedOutput, String cause, String suggestedFix,
        String detail, int attempts, Instant createdAt, Instant updatedAt, List<HistoryEntry> history,
        Long outboxId) {

    /** An exception not tied to an outbox entry. */
    public StoredException(long id, ExceptionClass exceptionClass, ExceptionState state, String workflow,
            String step, String system, String entity, String businessKey, String lineageId, byte[] originalPayload,
            long payloadSize, boolean payloadTruncated, byte[] mappedOutput, String cause, String suggestedFix,
            String detail, int attempts, Instant createdAt, Instant updatedAt, List<HistoryEntry> history) {
        this(id, exceptionClass, state, workflow, step, system, entity, businessKey, lineageId, originalPayload,
                payloadSize, payloadTruncated, mappedOutput, cause, suggestedFix, detail, attempts, createdAt,
                updatedAt, history, null);
    }

    /** One step in an exception's life. */
    public record HistoryEntry(Instant at, String action, String actor, ExceptionState fromState,
            ExceptionState toState, String note) {
    }
}
