package io.crossbill.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.MappingException;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordMapper;
import io.crossbill.engine.api.RecordValidator;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first stage of ingest, CPU only: content hash as version, idempotency key, size and UTF-8 checks,
 * parse, map, validate, serialise the canonical record. Every failure becomes a classified
 * {@link ExceptionReport} with a cause an analyst can act on; nothing here throws for bad input.
 */
public final class RecordPreparer {

    private final ObjectMapper json;
    private final RecordMapper mapper;
    private final RecordValidator validator;
    private final String workflow;
    private final String sourceEntity;
    private final int maxPayloadBytes;

    public RecordPreparer(ObjectMapper json, RecordMapper mapper, RecordValidator validator, String workflow,
            String sourceEntity, int maxPayloadBytes) {
        this.json = json;
        this.mapper = mapper;
        this.validator = validator;
        this.workflow = workflow;
        this.sourceEntity = sourceEntity;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Prepares one record, noting how long that took (for the {@code prepare} latency histogram). */
    public PreparedRecord prepare(RecordEnvelope in) {
        long started = System.nanoTime();
        return prepareUntimed(in).timed((System.nanoTime() - started) / 1_000);
    }

    private PreparedRecord prepareUntimed(RecordEnvelope in) {
        byte[] payload = in.payload();
        if (payload.length > maxPayloadBytes) {
            return fail(in, ExceptionClass.VALIDATION, "receive", null,
                    "The payload is " + payload.length + " bytes, more than the limit of " + maxPayloadBytes
                            + " bytes for one record.",
                    "Check why the source sent such a large record; if it is genuine, raise the payload limit.",
                    "payload size " + payload.length + " > maxPayloadBytes " + maxPayloadBytes);
        }
        String tooLong = tooLongField(in);
        if (tooLong != null) {
            return fail(in, ExceptionClass.VALIDATION, "receive", null, tooLong,
                    "Check the connector's id and version fields for this system.", tooLong);
        }
        if (!in.entity().equals(sourceEntity)) {
            return fail(in, ExceptionClass.MAPPING, "map", null,
                    "The record is a " + in.entity() + ", but this workflow's mapping reads " + sourceEntity + ".",
                    "Route " + in.entity() + " records to a workflow that maps them, or add a mapping for them.",
                    "entity " + in.entity() + " != " + sourceEntity);
        }
        int bad = Utf8.firstInvalid(payload);
        if (bad >= 0) {
            return fail(in, ExceptionClass.MAPPING, "parse", null,
                    "The payload is not valid UTF-8 text (first bad byte at offset " + bad + ": 0x"
                            + Integer.toHexString(payload[bad] & 0xFF) + ").",
                    "Ask the source system's owner about the character encoding; JSON must be UTF-8.",
                    "invalid UTF-8 at byte " + bad);
        }
        boolean versionIsHash = !in.hasSourceVersion();
        RecordEnvelope env = versionIsHash ? in.withContentHash(IdempotencyKey.contentHash(payload)) : in;
        IdempotencyKey key = IdempotencyKey.of(env.system(), env.externalId(), env.sourceVersion());
        JsonNode source;
        try {
            source = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return fail(env, ExceptionClass.MAPPING, "parse", null,
                    "The payload is not valid JSON: " + e.getOriginalMessage() + locationOf(e) + ".",
                    "Fix the JSON (edit the payload and replay) or ask the source system's owner.",
                    e.getMessage());
        } catch (IOException e) {
            return fail(env, ExceptionClass.INTERNAL, "parse", null, "The payload could not be read: " + e.getMessage(),
                    null, e.toString());
        }
        if (source == null || !source.isObject()) {
            return fail(env, ExceptionClass.MAPPING, "parse", null,
                    "The payload is JSON but not an object (it is " + (source == null ? "empty" : source.getNodeType())
                            + "); a " + sourceEntity + " must be a JSON object.",
                    "Check what the source system sent.", null);
        }
        JsonNode canonical;
        try {
            canonical = mapper.map(env, source);
        } catch (MappingException e) {
            return fail(env, ExceptionClass.MAPPING, "map", null, e.getMessage(), e.suggestedFix(),
                    e.getCause() == null ? null : e.getCause().toString());
        } catch (RuntimeException | StackOverflowError e) {
            return fail(env, ExceptionClass.MAPPING, "map", null,
                    "The mapping failed on this record: " + e,
                    "Check the mapping design's rules against this payload in the preview.", stackTop(e));
        }
        byte[] canonicalBytes;
        try {
            canonicalBytes = json.writeValueAsBytes(canonical);
        } catch (JsonProcessingException e) {
            return fail(env, ExceptionClass.INTERNAL, "map", null, "The mapped record could not be written as JSON.",
                    null, e.toString());
        }
        List<RecordValidator.Violation> violations;
        try {
            violations = validator.validate(canonical);
        } catch (RuntimeException e) {
            return fail(env, ExceptionClass.INTERNAL, "validate", canonicalBytes,
                    "The validation rules failed on this record: " + e, null, stackTop(e));
        }
        if (!violations.isEmpty()) {
            String cause = violations.stream().map(RecordValidator.Violation::toString)
                    .collect(Collectors.joining("; ", "The " + sourceEntity + " breaks "
                            + (violations.size() == 1 ? "a rule: " : violations.size() + " rules: "), "."));
            // only references missing in the target: a REFERENCE problem, fixed by correcting the reference (or by
            // creating what it names); any broken rule of the record itself makes it a VALIDATION problem
            boolean onlyReferences = violations.stream()
                    .allMatch(v -> v.exceptionClass() == ExceptionClass.REFERENCE);
            return onlyReferences
                    ? fail(env, ExceptionClass.REFERENCE, "validate", canonicalBytes, cause,
                            "Correct the reference in the source system (or create what it names in the target), or"
                                    + " edit the payload and replay.", null)
                    : fail(env, ExceptionClass.VALIDATION, "validate", canonicalBytes, cause,
                            "Correct the record in the source system, or edit the payload and replay.", null);
        }
        return PreparedRecord.ok(env, versionIsHash, key, canonicalBytes);
    }

    private PreparedRecord fail(RecordEnvelope env, ExceptionClass cls, String step, byte[] mapped, String cause,
            String fix, String detail) {
        return PreparedRecord.failed(new ExceptionReport(cls, workflow, step, env.system(), env.entity(),
                env.externalId(), env.lineageId(), env.payload(), mapped, cause, fix, detail, 0));
    }

    private static String tooLongField(RecordEnvelope e) {
        if (e.system().length() > 64 || e.entity().length() > 64) {
            return "The system or entity name is longer than 64 characters.";
        }
        if (e.externalId().length() > 255) {
            return "The record's id is " + e.externalId().length() + " characters long; at most 255 are allowed.";
        }
        if (e.sourceVersion() != null && e.sourceVersion().length() > 128) {
            return "The record's version is longer than 128 characters.";
        }
        if (e.lineageId() != null && e.lineageId().length() > 64) {
            return "The record's lineage id is longer than 64 characters.";
        }
        return null;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String stackTop(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return e + (st.length > 0 ? " at " + st[0] : "");
    }
}
