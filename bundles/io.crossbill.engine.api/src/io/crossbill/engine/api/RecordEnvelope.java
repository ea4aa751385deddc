package io.crossbill.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as received from a system, before anything has been done to it. This is what the inbox
 * stores first.
 *
 * @param system        the system the record came from, e.g. {@code xero} or {@code hubspot}
 * @param entity        the system's entity name, e.g. {@code TimeEntry}
 * @param externalId    the record's id in that system
 * @param sourceVersion the system's version of the record (an etag, a modification stamp); {@code null}
 *                      when the source has none, in which case the engine uses a content hash of the
 *                      payload (see {@link #withContentHash(String)})
 * @param payload       the record as UTF-8 JSON bytes, exactly as received (not copied; do not modify)
 * @param receivedAt    when Crossbill received it
 * @param lineageId     id that follows this record through every step and system; may be {@code null}
 *                      at the edge, the engine then uses the inbox id
 */
public record RecordEnvelope(String system, String entity, String externalId, String sourceVersion,
        byte[] payload, Instant receivedAt, String lineageId) {

    public RecordEnvelope {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** An envelope for a source that has no version of its own; the engine will hash the content. */
    public static RecordEnvelope unversioned(String system, String entity, String externalId, byte[] payload,
            Instant receivedAt) {
        return new RecordEnvelope(system, entity, externalId, null, payload, receivedAt, null);
    }

    /** {@code true} when the source gave no version and the content hash stands in for it. */
    public boolean hasSourceVersion() {
        return sourceVersion != null;
    }

    /** The same envelope with the given content hash as its version. */
    public RecordEnvelope withContentHash(String contentHash) {
        return new RecordEnvelope(system, entity, externalId, contentHash, payload, receivedAt, lineageId);
    }

    @Override
    public String toString() {
        return "RecordEnvelope[" + system + "/" + entity + "/" + externalId + " v" + sourceVersion + ", "
                + payload.length + " bytes]";
    }
}
