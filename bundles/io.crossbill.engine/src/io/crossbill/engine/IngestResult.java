package io.crossbill.engine;

/**
 * What an ingest run did. {@code received == accepted + duplicates + failed}.
 *
 * @param received   records offered
 * @param accepted   records whose inbox row, outbox row and idempotency key were committed
 * @param duplicates records skipped because the same version had been taken in before
 * @param failed     records that became exceptions in the queue
 */
public record IngestResult(long received, long accepted, long duplicates, long failed) {

    IngestResult plus(IngestResult o) {
        return new IngestResult(received + o.received, accepted + o.accepted, duplicates + o.duplicates,
                failed + o.failed);
    }

    static final IngestResult NONE = new IngestResult(0, 0, 0, 0);
}
