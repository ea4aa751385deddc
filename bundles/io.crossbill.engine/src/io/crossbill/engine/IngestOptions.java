package io.crossbill.engine;

import java.util.Objects;

/**
 * How an ingest pipeline runs.
 *
 * @param workflow        the workflow the records belong to, e.g. {@code time-to-billing}
 * @param sourceEntity    the source entity the mapper understands, e.g. {@code TimeEntry}; records of any
 *                        other entity become MAPPING exceptions
 * @param targetSystem    where the outbox entries go, e.g. {@code netsuite}
 * @param canonicalEntity the canonical entity the mapper produces, e.g. {@code TimeEntry}
 * @param batchSize       records per transaction; 1,000-5,000 keeps commits cheap and memory flat
 * @param maxPayloadBytes payloads above this are refused (VALIDATION exception) before parsing
 * @param queueDepth      prepared batches that may wait for the writer thread
 */
public record IngestOptions(String workflow, String sourceEntity, String targetSystem, String canonicalEntity,
        int batchSize, int maxPayloadBytes, int queueDepth) {

    /** Default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 2_000;

    /** Default payload limit: 8 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 << 20;

    public IngestOptions {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(sourceEntity, "sourceEntity");
        Objects.requireNonNull(targetSystem, "targetSystem");
        Objects.requireNonNull(canonicalEntity, "canonicalEntity");
        if (batchSize < 1 || maxPayloadBytes < 1 || queueDepth < 1) {
            throw new IllegalArgumentException("batchSize, maxPayloadBytes and queueDepth must be positive");
        }
    }

    /** Options with the defaults for sizes. */
    public static IngestOptions of(String workflow, String sourceEntity, String targetSystem, String canonicalEntity) {
        return new IngestOptions(workflow, sourceEntity, targetSystem, canonicalEntity, DEFAULT_BATCH_SIZE,
                DEFAULT_MAX_PAYLOAD_BYTES, 4);
    }

    public IngestOptions withBatchSize(int n) {
        return new IngestOptions(workflow, sourceEntity, targetSystem, canonicalEntity, n, maxPayloadBytes, queueDepth);
    }

    public IngestOptions withMaxPayloadBytes(int n) {
        return new IngestOptions(workflow, sourceEntity, targetSystem, canonicalEntity, batchSize, n, queueDepth);
    }
}
