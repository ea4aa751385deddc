package io.crossbill.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A connector that can describe what it reads and fetch a few real records of it, so the mapping editor
 * can show a source tree with sample values and preview a design without writing anywhere.
 */
public interface SampleSource {

    /** The entities and fields this connector reads or writes. */
    ConnectorSchema schema();

    /**
     * Reads up to {@code max} records of one entity from the system, as the API returns them. Reads only;
     * never writes.
     *
     * @param entity an entity name of {@link #schema()}
     * @throws IllegalArgumentException for an entity the schema does not know
     */
    List<JsonNode> samples(String entity, int max);
}
