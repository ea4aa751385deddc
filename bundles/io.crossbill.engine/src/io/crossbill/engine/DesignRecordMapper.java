package io.crossbill.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.api.MappingException;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordMapper;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.MappingProblem;
import io.crossbill.mapping.runtime.MappingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RecordMapper} running a mapping design, compiled once (the {@link CompiledMapping} is immutable
 * and shared by every record and thread).
 * <p>
 * A design maps the payload; what only the envelope knows is stamped by this mapper into the output's
 * {@value #PROVENANCE} object: {@code system} (when the design sets none), {@code id} (the envelope's
 * external id, when the design sets none) and {@code version} (the source's version or the content hash).
 * <p>
 * Data problems the design reports (a required field without value, an unknown value, a failed
 * conversion or lookup) and failures (an expression throws) become a {@link MappingException} whose message
 * is the analyst's sentence naming design, entity mapping, field and rule.
 * <p>
 * A design with one entity mapping maps every record through it; a design with several picks the one
 * whose source entity is the envelope's entity.
 */
public final class DesignRecordMapper implements RecordMapper {

    /** The output member holding the record's provenance: system, id, version. */
    public static final String PROVENANCE = "source";

    private static final String FIX = "Check the design's rules against this payload in the design preview,"
            + " or correct the record in the source system and replay.";

    private final CompiledMapping mapping;
    private final boolean singleEntity;

    public DesignRecordMapper(CompiledMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.singleEntity = mapping.sourceEntities().size() == 1;
    }

    /**
     * Compiles the design with the given compiler (cached there by name and version).
     *
     * @throws MappingFailure when the design cannot run
     */
    public static DesignRecordMapper of(MappingDesign design, MappingCompiler compiler) {
        return new DesignRecordMapper(compiler.compile(design));
    }

    /**
     * A design shipped with io.crossbill.mapping (e.g. {@code xero-time-entries}), compiled without
     * cross-references.
     *
     * @throws UncheckedIOException when no such design is shipped
     */
    public static DesignRecordMapper shipped(String designName) {
        try {
            return new DesignRecordMapper(new MappingCompiler().compileUncached(MappingDesignFile.loadShipped(designName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled design this mapper runs. */
    public CompiledMapping mapping() {
        return mapping;
    }

    @Override
    public JsonNode map(RecordEnvelope envelope, JsonNode source) throws MappingException {
        MappingResult result;
        try {
            result = singleEntity ? mapping.map(source) : mapping.map(envelope.entity(), source);
        } catch (MappingFailure failure) {
            throw new MappingException(failure.getMessage(), FIX, failure.getCause());
        }
        if (!result.isClean()) {
            throw new MappingException(message(result.problems()), FIX, null);
        }
        if (result.records().size() != 1) {
            throw new MappingException("Design " + mapping + " produced " + result.records().size()
                    + " records from one " + envelope.entity() + "; the engine ingests one canonical record per"
                    + " source record.", "Map this entity with a design that has no array path.", null);
        }
        ObjectNode out = result.records().get(0);
        stampProvenance(out, envelope);
        return out;
    }

    private static void stampProvenance(ObjectNode out, RecordEnvelope envelope) {
        ObjectNode provenance = out.withObjectProperty(PROVENANCE);
        if (provenance.get("system") == null) {
            provenance.put("system", envelope.system());
        }
        if (provenance.get("id") == null) {
            provenance.put("id", envelope.externalId());
        }
        provenance.put("version", envelope.sourceVersion());
    }

    private String message(List<MappingProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        StringBuilder text = new StringBuilder(problems.get(0).message());
        for (int i = 1; i < problems.size(); i++) {
            text.append("; ").append(problems.get(i).message());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "DesignRecordMapper " + mapping;
    }
}
