package io.crossbill.engine.api;

import java.util.Objects;

/**
 * A failure as the engine reports it to an {@link ExceptionSink}. The sink turns it into an entry of the
 * exception queue (state {@link ExceptionState#OPEN}, with history).
 *
 * @param exceptionClass  what kind of failure
 * @param workflow        e.g. {@code time-to-billing}
 * @param step            e.g. {@code parse}, {@code map}, {@code validate}, {@code deliver}
 * @param system          the system the record came from or was going to
 * @param entity          the entity name, when known
 * @param businessKey     what the analyst searches by (time entry id, deal id); may be {@code null}
 * @param lineageId       the record's lineage id, when known
 * @param originalPayload the payload as received; may be {@code null}
 * @param mappedOutput    the canonical record, when mapping got that far; may be {@code null}
 * @param cause           plain-language cause, one sentence an analyst understands
 * @param suggestedFix    what to do about it; may be {@code null}
 * @param detail          the raw technical detail (exception message, HTTP answer); may be {@code null}
 * @param attempts        how many delivery attempts were made
 * @param outboxId        the outbox entry whose delivery failed, for failures raised by delivery; {@code null}
 *                        otherwise (a retry puts that entry back to pending)
 */
public record ExceptionReport(ExceptionClass exceptionClass, String workflow, String step, String system,
        String entity, String businessKey, String lineageId, byte[] originalPayload, byte[] mappedOutput,
        String cause, String suggestedFix, String detail, int attempts, Long outboxId) {

    public ExceptionReport {
        Objects.requireNonNull(exceptionClass, "exceptionClass");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(cause, "cause");
    }

    /** A failure not tied to an outbox entry (raised while taking a record in). */
    public ExceptionReport(ExceptionClass exceptionClass, String workflow, String step, String system,
            String entity, String businessKey, String lineageId, byte[] originalPayload, byte[] mappedOutput,
            String cause, String suggestedFix, String detail, int attempts) {
        this(exceptionClass, workflow, step, system, entity, businessKey, lineageId, originalPayload, mappedOutput,
                cause, suggestedFix, detail, attempts, null);
    }

    /** The same report about the given outbox entry. */
    public ExceptionReport withOutboxId(long outboxEntryId) {
        return new ExceptionReport(exceptionClass, workflow, step, system, entity, businessKey, lineageId,
                originalPayload, mappedOutput, cause, suggestedFix, detail, attempts, outboxEntryId);
    }

    /** The same report with the payload as received. */
    public ExceptionReport withOriginalPayload(byte[] payload) {
        return new ExceptionReport(exceptionClass, workflow, step, system, entity, businessKey, lineageId, payload,
                mappedOutput, cause, suggestedFix, detail, attempts, outboxId);
    }
}
