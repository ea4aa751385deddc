package io.crossbill.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.IngestResult;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.engine.bench.TimeEntryGenerator;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.Outbox;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {

    private static final IngestOptions OPTIONS = IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry")
            .withBatchSize(1_000);

    @TempDir
    Path workspace;

    private static String entry(String id, int minutes) {
        return "{\"timeEntryId\":\"" + id + "\",\"userId\":\"u-1\",\"projectId\":\"p-1\",\"taskId\":\"t-1\","
                + "\"dateUtc\":\"2026-10-08T00:00:00Z\",\"duration\":" + minutes + ",\"description\":\"workshop\","
                + "\"status\":\"ACTIVE\"}";
    }

    private static RecordEnvelope envelope(String id, String entity, byte[] payload) {
        return RecordEnvelope.unversioned("xero", entity, id, payload, Instant.parse("2026-10-08T09:00:00Z"));
    }

    private static RecordEnvelope envelope(String id, String json) {
        return envelope(id, "TimeEntry", json.getBytes(StandardCharsets.UTF_8));
    }

    private static IngestPipeline pipeline(EngineDatabase db) {
        return new IngestPipeline(db, OPTIONS, new XeroTimeEntryMapper(), new TimeEntryValidator());
    }

    @Test
    void sameVersionTwiceIsProcessedOnceAlsoAfterReopening() {
        List<RecordEnvelope> batch = List.of(envelope("te-1", entry("te-1", 60)), envelope("te-2", entry("te-2", 90)));
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(new IngestResult(2, 2, 0, 0), pipeline(db).ingest(batch));
            assertEquals(new IngestResult(2, 0, 2, 0), pipeline(db).ingest(batch));
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(new IngestResult(2, 0, 2, 0), pipeline(db).ingest(batch.iterator()));
            // a changed payload is a new version (content hash) and is taken in
            IngestResult changed = pipeline(db).ingest(List.of(envelope("te-1", entry("te-1", 75))));
            assertEquals(1, changed.accepted());
            assertEquals(3, db.inbox().count());
            assertEquals(3L, db.outbox().countByState().get(Outbox.State.PENDING));
        }
    }

    @Test
    void badRecordsBecomeClassifiedExceptionsAndTheRestOfTheBatchIsCommitted() {
        byte[] invalidUtf8 = entry("te-utf", 60).replace("workshop", "work\u00e9shop").getBytes(StandardCharsets.UTF_8);
        int bad = indexOf(invalidUtf8, (byte) 0xC3);
        invalidUtf8[bad + 1] = (byte) 0x28; // a lead byte followed by a non-continuation byte
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        List<RecordEnvelope> batch = List.of(
                envelope("te-ok-1", entry("te-ok-1", 60)),
                envelope("te-json", "{\"timeEntryId\":\"te-json\",\"duration\":60,"),
                envelope("pr-1", "Project", "{\"projectId\":\"pr-1\",\"name\":\"Audit\"}".getBytes(StandardCharsets.UTF_8)),
                envelope("pr-2", "{\"projectId\":\"pr-2\",\"name\":\"Audit\",\"currencyCode\":\"NZD\"}"),
                envelope("te-utf", "TimeEntry", invalidUtf8),
                envelope("te-huge", "TimeEntry", huge),
                envelope("te-25h", entry("te-25h", 1500)),
                envelope("te-ok-2", entry("te-ok-2", 15)));

        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestResult result = pipeline(db).ingest(batch.iterator());

            assertEquals(new IngestResult(8, 2, 0, 6), result);
            assertEquals(2, db.inbox().count());
            assertEquals(2L, db.outbox().countByState().get(Outbox.State.PENDING));
            Map<String, StoredException> byKey = db.exceptions().find(ExceptionFilter.all()).stream()
                    .collect(Collectors.toMap(StoredException::businessKey, Function.identity()));
            assertEquals(6, byKey.size());

            assertClassAndCause(byKey.get("te-json"), ExceptionClass.MAPPING, "parse", "not valid JSON");
            assertClassAndCause(byKey.get("pr-1"), ExceptionClass.MAPPING, "map", "is a Project");
            assertClassAndCause(byKey.get("pr-2"), ExceptionClass.MAPPING, "map", "not a Xero time entry");
            assertClassAndCause(byKey.get("te-utf"), ExceptionClass.MAPPING, "parse",
                    "not valid UTF-8 text (first bad byte at offset " + bad + ": 0xc3)");
            assertClassAndCause(byKey.get("te-huge"), ExceptionClass.VALIDATION, "receive", "52428800 bytes");
            assertClassAndCause(byKey.get("te-25h"), ExceptionClass.VALIDATION, "validate", "hours: 25.00 is outside");

            assertTrue(byKey.get("te-huge").payloadTruncated());
            assertEquals(huge.length, byKey.get("te-huge").payloadSize());
            assertTrue(new String(byKey.get("te-25h").mappedOutput(), StandardCharsets.UTF_8).contains("\"hours\":25.00"));
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void anUnknownReferenceIsAReferenceExceptionAndABrokenRuleBesideItMakesItValidation() {
        // project p-404 is not in the target: a REFERENCE problem; with 25 hours as well, the record itself is wrong
        RecordValidator knownProjects = canonical -> {
            List<RecordValidator.Violation> problems = new ArrayList<>(new TimeEntryValidator()
                    .validate(canonical));
            if (canonical.path("project").asText().equals("p-404")) {
                problems.add(RecordValidator.Violation.reference("project", "p-404 is not a project in Xero Projects"));
            }
            return problems;
        };
        List<RecordEnvelope> batch = List.of(
                envelope("te-ref", entry("te-ref", 60).replace("\"p-1\"", "\"p-404\"")),
                envelope("te-both", entry("te-both", 1500).replace("\"p-1\"", "\"p-404\"")),
                envelope("te-ok", entry("te-ok", 60)));
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestResult result = new IngestPipeline(db, OPTIONS, new XeroTimeEntryMapper(), knownProjects)
                    .ingest(batch.iterator());
            assertEquals(1, result.accepted());
            Map<String, StoredException> byKey = db.exceptions().find(ExceptionFilter.all()).stream()
                    .collect(Collectors.toMap(StoredException::businessKey, Function.identity()));
            assertClassAndCause(byKey.get("te-ref"), ExceptionClass.REFERENCE, "validate", "p-404 is not a project");
            assertTrue(byKey.get("te-ref").suggestedFix().startsWith("Correct the reference"),
                    byKey.get("te-ref").suggestedFix());
            assertClassAndCause(byKey.get("te-both"), ExceptionClass.VALIDATION, "validate", "hours: 25.00");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new RecordValidator.Violation("x", "y", ExceptionClass.CONNECTIVITY));
    }

    @Test
    void mapperThatThrowsBecomesAMappingExceptionAndIngestGoesOn() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestPipeline p = new IngestPipeline(db, OPTIONS, (env, src) -> {
                if (env.externalId().equals("te-boom")) {
                    throw new IllegalStateException("expression divided by zero");
                }
                return src;
            }, canonical -> List.of());
            IngestResult r = p.ingest(List.of(envelope("te-boom", entry("te-boom", 60)), envelope("te-1", entry("te-1", 60))));
            assertEquals(new IngestResult(2, 1, 0, 1), r);
            StoredException e = db.exceptions().find(ExceptionFilter.all()).get(0);
            assertEquals(ExceptionClass.MAPPING, e.exceptionClass());
            assertTrue(e.cause().contains("expression divided by zero"), e.cause());
        }
    }

    @Test
    void pipelinedIngestCommitsEveryRecordWithItsCanonicalOutboxEntry() {
        TimeEntryGenerator.Entries entries = TimeEntryGenerator.generate(12_345, 5);
        List<RecordEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            envelopes.add(RecordEnvelope.unversioned("xero", "TimeEntry", entries.ids()[i], entries.payloads()[i],
                    Instant.now()));
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestResult r = pipeline(db).ingest(envelopes.iterator());
            assertEquals(new IngestResult(12_345, 12_345, 0, 0), r);
            assertEquals(12_345, db.inbox().count());
            assertEquals(12_345, db.idempotencyKeys().size());
            assertEquals(13, db.audit().lastSeq(), "one audit entry per committed batch");
            assertTrue(db.audit().verify().intact());

            OutboxEntry first = db.outbox().claim("erp", 1).get(0);
            String canonical = new String(first.payload(), StandardCharsets.UTF_8);
            String payload = new String(entries.payloads()[0], StandardCharsets.UTF_8);
            assertTrue(canonical.contains("\"source\":{\"system\":\"xero\",\"id\":\"" + entries.ids()[0] + "\""),
                    canonical);
            int minutes = Integer.parseInt(payload.replaceAll(".*\"duration\":(\\d+).*", "$1"));
            assertTrue(canonical.contains("\"hours\":" + new java.math.BigDecimal(minutes)
                    .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)), canonical);
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestResult again = pipeline(db).ingest(envelopes.iterator());
            assertEquals(new IngestResult(12_345, 0, 12_345, 0), again);
        }
    }

    private static void assertClassAndCause(StoredException e, ExceptionClass c, String step, String causePart) {
        assertEquals(c, e.exceptionClass(), e.cause());
        assertEquals(step, e.step(), e.cause());
        assertTrue(e.cause().contains(causePart), e.cause());
        assertEquals("time-to-billing", e.workflow());
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
