package io.crossbill.engine.internal;

import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.RecordEnvelope;

/**
 * A record after the first stage: either ready to be written (versioned envelope, key, canonical JSON) or
 * a failure to be filed in the exception queue.
 */
public record PreparedRecord(RecordEnvelope envelope, boolean versionIsHash, IdempotencyKey key,
        byte[] canonical, ExceptionReport failure, long prepareMicros) {

    static PreparedRecord ok(RecordEnvelope envelope, boolean versionIsHash, IdempotencyKey key, byte[] canonical) {
        return new PreparedRecord(envelope, versionIsHash, key, canonical, null, 0);
    }

    static PreparedRecord failed(ExceptionReport failure) {
        return new PreparedRecord(null, false, null, null, failure, 0);
    }

    /** The same record with the time its preparation took. */
    PreparedRecord timed(long micros) {
        return new PreparedRecord(envelope, versionIsHash, key, canonical, failure, micros);
    }

    public boolean isFailure() {
        return failure != null;
    }
}
