package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.review.EvidencePack;
import io.crossbill.workflow.review.ReviewHash;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotComparison;
import io.crossbill.workflow.snapshot.SnapshotMonitor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month-end review from a snapshot of the demo period: annotate a break, sign off, change a record in the
 * PSA, see the change flagged and compared, and export an evidence pack whose totals match the JSON.
 */
class ReviewEvidencePackTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void annotateSignOffFlagAChangeCompareSnapshotsAndExportThePack() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            PeriodSnapshot first;
            PeriodSnapshot second;
            ReviewRecords review = new ReviewRecords(db);
            ReconciliationBreak unbilled;
            try (DemoFirmSystems s = new DemoFirmSystems()) {
                WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
                new Workflows(ctx, s.systems).runOnce(NOVEMBER, null);
                PeriodLoader loader = new PeriodLoader(ctx, s.systems.erp(), s.systems.psaReader(), s.systems.crm());
                PeriodSnapshots snapshots = new PeriodSnapshots(workspace);
                first = snapshots.take(NOVEMBER, loader, ctx, SnapshotMonitor.NONE);
                ReconciliationResult r1 = new Reconciler().reconcile(first.input());
                // an unbilled break with an entry the PSA still lets us delete (not invoiced there)
                java.util.Set<String> active = new java.util.HashSet<>();
                first.records().timeEntries().values().forEach(l -> l.stream()
                        .filter(e -> "ACTIVE".equals(e.path("status").asText()))
                        .forEach(e -> active.add(e.path("timeEntryId").asText())));
                unbilled = r1.breaks(BreakType.UNBILLED_ENTRY).stream()
                        .filter(b -> b.entryIds().stream().anyMatch(active::contains)).findFirst().orElseThrow();
                String entry = unbilled.entryIds().stream().filter(active::contains).findFirst().orElseThrow();
                review.annotate(NOVEMBER, unbilled.id(), ReviewRecords.Reason.TIMING, "Approved after the run; bills"
                        + " in December", "ana");
                String hash = ReviewHash.of(r1, ReviewRecords.Scope.PERIOD, NOVEMBER.toString());
                review.signOff(NOVEMBER, ReviewRecords.Scope.PERIOD, NOVEMBER.toString(), "ana", first.id(), hash);
                assertTrue(review.changedSinceSignOff(NOVEMBER, ReviewRecords.Scope.PERIOD, NOVEMBER.toString(), hash)
                        .isEmpty(), "nothing changed yet");
                // after the sign-off someone deletes an unbilled time entry in the PSA
                XeroClient.Answer a = s.xeroClient.write(XeroClient.Api.PROJECTS, "DELETE", "/Projects/"
                        + unbilled.projectId() + "/Time/" + entry, Map.of(), "", "test-delete-" + entry);
                assertTrue(a.ok(), a.body());
                second = snapshots.take(NOVEMBER, loader, ctx, SnapshotMonitor.NONE);
            }
            ReconciliationResult r2 = new Reconciler().reconcile(second.input());
            String now = ReviewHash.of(r2, ReviewRecords.Scope.PERIOD, NOVEMBER.toString());
            assertTrue(review.changedSinceSignOff(NOVEMBER, ReviewRecords.Scope.PERIOD, NOVEMBER.toString(), now)
                    .isPresent(), "the period changed after its sign-off");
            assertFalse(review.changedSinceSignOff(NOVEMBER, ReviewRecords.Scope.PROJECT, unbilled.projectId(), now)
                    .isPresent(), "the project itself was never signed off");
            SnapshotComparison cmp = SnapshotComparison.compare(first, second);
            SnapshotComparison.SourceChange entries = cmp.sources().stream()
                    .filter(c -> c.source().equals("time entries")).findFirst().orElseThrow();
            assertEquals(1, entries.removed(), cmp.toString());
            assertEquals(entries.before() - 1, entries.after());
            assertTrue(cmp.differs());
            assertFalse(SnapshotComparison.compare(second, second).differs());
            // the audit trail holds the annotation and the sign-off, and still verifies
            AuditTrail.Verification v = db.audit().verify();
            assertTrue(v.intact(), v.describe());
            // the evidence pack of the second snapshot
            Path pack = workspace.resolve("pack");
            List<Path> files = new EvidencePack(r2, second.takenAt(), second.id(), review.annotations(NOVEMBER),
                    review.signOffs(NOVEMBER), review.decisions(NOVEMBER), v, Map.of()).write(pack);
            assertTrue(files.contains(pack.resolve("report.html")));
            JsonNode json = JSON.readTree(SnapshotOfflineTest.json(r2));
            // the pack's totals against the reconciliation's JSON, computed here from the JSON alone
            Map<String, BigDecimal> jsonVariance = new HashMap<>();
            Map<String, Integer> jsonCount = new HashMap<>();
            for (JsonNode b : json.path("breaks")) {
                String k = b.path("type").asText() + "|" + b.path("currency").asText("");
                jsonCount.merge(k, 1, Integer::sum);
                if (b.path("variance").isTextual()) {
                    jsonVariance.merge(k, new BigDecimal(b.path("variance").asText()), BigDecimal::add);
                }
            }
            List<String> summary = Files.readAllLines(pack.resolve("review_summary.csv"), StandardCharsets.UTF_8);
            assertEquals(jsonCount.size() + 1, summary.size(), summary.toString());
            int total = 0;
            for (String line : summary.subList(1, summary.size())) {
                String[] f = line.split(",", -1);
                String k = f[0] + "|" + f[1];
                assertEquals(jsonCount.get(k), Integer.valueOf(f[2]), k);
                assertEquals(0, jsonVariance.getOrDefault(k, BigDecimal.ZERO).compareTo(new BigDecimal(f[3])), k);
                total += Integer.parseInt(f[2]);
            }
            assertEquals(json.path("summary").path("breaks").asInt(), total);
            String annotations = Files.readString(pack.resolve("annotations.csv"), StandardCharsets.UTF_8);
            assertTrue(annotations.contains("Approved after the run; bills in December"), annotations);
            String signoffs = Files.readString(pack.resolve("signoffs.csv"), StandardCharsets.UTF_8);
            assertTrue(signoffs.contains("PERIOD,2026-11,ana") && signoffs.contains(",yes\r\n"),
                    "the sign-off is flagged as changed since: " + signoffs);
            String html = Files.readString(pack.resolve("report.html"), StandardCharsets.UTF_8);
            assertTrue(html.contains("<svg") && html.contains("changed after sign-off")
                    && html.contains(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'",
                    java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(second.takenAt())) && html.contains("audit trail intact"), html);
            assertTrue(Files.readString(pack.resolve("audit_verification.csv")).contains("true,"));
        }
    }

    @Test
    void reviewRecordsRefuseAnAnnotationWithoutANoteAndAuditEveryWrite() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ReviewRecords review = new ReviewRecords(db);
            long before = db.audit().lastSeq();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> review.annotate(NOVEMBER, "b-1", ReviewRecords.Reason.ERROR, "  ", "ana"));
            assertTrue(e.getMessage().contains("note"), e.getMessage());
            assertEquals(before, db.audit().lastSeq(), "a refused annotation writes nothing");
            review.annotate(NOVEMBER, "b-1", ReviewRecords.Reason.ERROR, "Wrong rate on line 3", "ana");
            review.annotate(NOVEMBER, "b-1", ReviewRecords.Reason.RATE_CHANGE, "Rate card changed 1 Nov", "ben");
            review.decide(NOVEMBER, "s-9", true, "ana");
            review.decide(NOVEMBER, "s-9", false, "ben");
            review.signOff(NOVEMBER, ReviewRecords.Scope.PROJECT, "p-1", "ana", null, "abc");
            assertEquals(before + 5, db.audit().lastSeq());
            assertEquals(2, review.annotations(NOVEMBER).size());
            assertEquals(ReviewRecords.Reason.RATE_CHANGE, review.latestAnnotations(NOVEMBER).get("b-1").reason());
            assertEquals(1, review.decisions(NOVEMBER).size());
            assertFalse(review.decisions(NOVEMBER).get(0).confirmed(), "the latest decision counts");
            assertTrue(review.annotations(YearMonth.of(2026, 10)).isEmpty());
            assertEquals("abc", review.latestSignOff(NOVEMBER, ReviewRecords.Scope.PROJECT, "p-1").orElseThrow()
                    .reconciliationHash());
            assertTrue(db.audit().verify().intact());
        }
    }
}
