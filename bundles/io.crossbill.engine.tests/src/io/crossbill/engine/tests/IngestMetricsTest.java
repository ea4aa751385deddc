package io.crossbill.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.MetricsLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, item 8: ingest records counts by outcome and latency histograms per workflow and step. */
class IngestMetricsTest {

    private static final String WORKFLOW = "time-to-billing";

    @TempDir
    Path workspace;

    private static RecordEnvelope envelope(String id, String json) {
        return RecordEnvelope.unversioned("xero", "TimeEntry", id, json.getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    private static String entry(String id, int minutes) {
        return "{\"timeEntryId\":\"" + id + "\",\"userId\":\"u-1\",\"projectId\":\"p-1\",\"taskId\":\"t-1\","
                + "\"dateUtc\":\"2026-10-08T00:00:00Z\",\"duration\":" + minutes + "}";
    }

    @Test
    void countsByOutcomeAndLatencyHistogramsPerStepAreStoredPerBatch() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestPipeline pipeline = new IngestPipeline(db, IngestOptions.of(WORKFLOW, "TimeEntry", "erp",
                    "TimeEntry").withBatchSize(3), new XeroTimeEntryMapper(), new TimeEntryValidator());
            List<RecordEnvelope> records = List.of(envelope("te-1", entry("te-1", 60)),
                    envelope("te-2", entry("te-2", 90)), envelope("te-3", "{not json"),
                    envelope("te-4", entry("te-4", 24 * 60 + 15)), envelope("te-1", entry("te-1", 60)));
            pipeline.ingest(records.iterator());

            Instant from = Instant.now().minusSeconds(3600);
            Instant to = Instant.now().plusSeconds(3600);
            Map<String, Long> ingest = counts(db.metrics().series(WORKFLOW, "ingest", from, to));
            assertEquals(Map.of("accepted", 2L, "duplicate", 1L), ingest);
            assertEquals(Map.of("MAPPING", 1L), counts(db.metrics().series(WORKFLOW, "parse", from, to)));
            assertEquals(Map.of("VALIDATION", 1L), counts(db.metrics().series(WORKFLOW, "validate", from, to)));
            assertEquals(Map.of("ok", 3L), counts(db.metrics().series(WORKFLOW, "prepare", from, to)));
            for (MetricsLog.Bucket b : db.metrics().series(WORKFLOW, "ingest", from, to)) {
                assertEquals(b.count(), java.util.Arrays.stream(b.histogram()).sum(), "histogram of " + b.outcome());
                assertTrue(b.latencySumMicros() >= 0);
            }

            // and the outbox entries know their workflow and business key
            OutboxEntry first = db.outbox().claim("erp", 10).get(0);
            assertEquals(WORKFLOW, first.workflow());
            assertEquals("te-1", first.businessKey());
            assertTrue(first.inboxId() > 0);
        }
    }

    private static Map<String, Long> counts(List<MetricsLog.Bucket> buckets) {
        return buckets.stream().collect(Collectors.groupingBy(MetricsLog.Bucket::outcome,
                Collectors.summingLong(MetricsLog.Bucket::count)));
    }
}
