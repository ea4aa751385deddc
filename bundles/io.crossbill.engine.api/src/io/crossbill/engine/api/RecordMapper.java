package io.crossbill.engine.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps a source record to the canonical model: canonical JSON from source JSON. The mapping-design
 * compiler produces these from a mapping design; hand-written ones are fine for tests and benchmarks.
 * Implementations must be thread-safe (the engine may map on a pipeline thread) and must not keep state
 * between records.
 */
@FunctionalInterface
public interface RecordMapper {

    /**
     * @param envelope the record as received (for system, entity, ids and version)
     * @param source   its payload, parsed
     * @return the canonical record as a JSON tree
     * @throws MappingException when the record cannot be mapped; its message names the field and rule in
     *                          words an analyst understands
     */
    JsonNode map(RecordEnvelope envelope, JsonNode source) throws MappingException;
}
