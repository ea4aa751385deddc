package io.crossbill.engine.exceptions;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.api.RecordMapper;
import io.crossbill.engine.api.RecordValidator;
import java.util.Objects;

/**
 * What re-running a record needs to know about its workflow: how it is ingested, the mapper that turns
 * the source payload into the canonical record, and the validator that checks the result.
 */
public record Workflow(IngestOptions options, RecordMapper mapper, RecordValidator validator) {

    public Workflow {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(validator, "validator");
    }

    /** The workflow's name, as exceptions carry it. */
    public String name() {
        return options.workflow();
    }
}
