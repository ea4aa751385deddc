package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.BillingLedger;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.MetricsLog;
import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's questions, asked of sagas written the way the workflows write them. */
class SagaStatsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z"); // before now: exceptions are stamped by the wall clock

    @TempDir
    Path workspace;

    @Test
    void countsPerStepSayWhatIsInFlightDoneRetryingFailedAndBlocked() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Sagas sagas = db.sagas();
            // deal 1: every step made
            long d1 = sagas.begin("lead-to-project", "deal:1", "v1", T0).id();
            sagas.step(d1, "customer", "DONE", "xero", "c-1", "created", "{}", T0);
            sagas.step(d1, "project", "DONE", "xero-projects", "p-1", "Alpha", "{}", T0.plusSeconds(1));
            sagas.step(d1, "task:1", "DONE", "xero-projects", "t-1", "Consultant", null, T0.plusSeconds(2));
            sagas.step(d1, "task:2", "DONE", "xero-projects", "t-2", "Partner", null, T0.plusSeconds(3));
            sagas.step(d1, "write-back", "DONE", "hubspot", "1", "ids written", "{}", T0.plusSeconds(4));
            sagas.finish(d1, Sagas.State.DONE, null, "done", T0.plusSeconds(4));
            // deal 2: customer made, the run is still on its way to the project
            long d2 = sagas.begin("lead-to-project", "deal:2", "v1", T0).id();
            sagas.step(d2, "customer", "SKIPPED", "xero", "c-1", "found by tax id", null, T0.plusSeconds(5));
            // deal 3: the project failed and an analyst asked for a retry
            long d3 = sagas.begin("lead-to-project", "deal:3", "v1", T0).id();
            sagas.step(d3, "customer", "DONE", "xero", "c-3", "created", "{}", T0.plusSeconds(6));
            long ex3 = db.exceptions().report(report("lead-to-project", "project", "deal:3", "503 from Xero"));
            sagas.step(d3, "project", "FAILED", "xero-projects", null, "503 from Xero", null, T0.plusSeconds(7));
            sagas.finish(d3, Sagas.State.FAILED, ex3, "503", T0.plusSeconds(7));
            db.exceptions().changeState(ex3, ExceptionState.RETRYING, "retry", "analyst", "try again");
            // deal 4: blocked by a policy check at the customer step
            long ex4 = db.exceptions().report(report("lead-to-project", "customer", "deal:4", "invalid tax id"));
            long d4 = sagas.begin("lead-to-project", "deal:4", null, T0).id();
            sagas.step(d4, "customer", "BLOCKED", "xero", null, "invalid tax id", null, T0.plusSeconds(8));
            sagas.finish(d4, Sagas.State.BLOCKED, ex4, "invalid tax id", T0.plusSeconds(8));

            Map<String, SagaStats.StepCounts> byStep = new SagaStats(db).stepCounts(T0.plusSeconds(3)).stream()
                    .filter(s -> s.workflow().equals("lead-to-project"))
                    .collect(Collectors.toMap(SagaStats.StepCounts::step, Function.identity()));
            assertEquals(List.of("customer", "project", "task", "write-back"), new SagaStats(db).stepCounts(T0)
                    .stream().map(SagaStats.StepCounts::step).toList(), "steps in the order sagas make them");
            SagaStats.StepCounts customer = byStep.get("customer");
            assertEquals(3, customer.done(), "deal 1 and 3 made it, deal 2 found it");
            assertEquals(1, customer.inFlight(), "deal 2 stands after the customer step");
            assertEquals(1, customer.blocked(), "deal 4");
            assertEquals(0, customer.failed());
            assertEquals(2, customer.doneInWindow(), "deals 2 and 3 passed after the window's start");
            SagaStats.StepCounts project = byStep.get("project");
            assertEquals(1, project.done());
            assertEquals(1, project.failed(), "deal 3");
            assertEquals(1, project.retrying(), "deal 3's exception is being retried");
            assertEquals(0, project.doneInWindow(), "deal 1's project was made before the window");
            SagaStats.StepCounts task = byStep.get("task");
            assertEquals(2, task.done(), "task:1 and task:2 are counted as one step family");
            assertEquals(T0.plusSeconds(3), task.lastAt());
            assertEquals(1, byStep.get("write-back").done());
            assertEquals(Map.of("lead-to-project", 2L), new SagaStats(db).unsettledExceptions(),
                    "deal 3 retrying and deal 4 open");
        }
    }

    @Test
    void stepsAndMetricsAreBucketedOverTheWindow() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long a = db.sagas().begin("time-to-billing", "invoice:A", null, T0).id();
            db.sagas().step(a, "reserve", "DONE", "crossbill", null, "3 items", "{}", T0.plusSeconds(10));
            db.sagas().step(a, "post-invoice", "DONE", "xero", "inv-1", "INV-0001", "{}", T0.plusSeconds(70));
            long b = db.sagas().begin("time-to-billing", "entry:e9", null, T0).id();
            db.sagas().step(b, "policy-check", "BLOCKED", "xero-projects", null, "25 h", null, T0.plusSeconds(80));
            db.sagas().step(b, "later", "DONE", "xero", null, "", null, T0.plusSeconds(3600)); // outside
            SagaStats stats = new SagaStats(db);
            List<SagaStats.StepBucket> buckets = stats.stepsPerBucket(T0, T0.plusSeconds(3600), Duration.ofMinutes(1));
            assertEquals(2, buckets.size(), buckets.toString());
            assertEquals(T0, buckets.get(0).start());
            assertEquals(1, buckets.get(0).done());
            assertEquals(T0.plusSeconds(60), buckets.get(1).start());
            assertEquals(1, buckets.get(1).done());
            assertEquals(1, buckets.get(1).failed());
            assertEquals(0.5, buckets.get(1).errorRate());

            db.metrics().add("time-to-billing", "post-invoice", "sent", T0.plusSeconds(5), 8, 5_000);
            db.metrics().add("time-to-billing", "post-invoice", "sent", T0.plusSeconds(6), 1, 500_000);
            db.metrics().add("time-to-billing", "post-invoice", "failed", T0.plusSeconds(7), 1, 2_000_000);
            db.metrics().add("time-to-billing", "reserve", "sent", T0.plusSeconds(65), 4, 500);
            List<SagaStats.MetricsBucket> m = stats.metrics(T0, T0.plusSeconds(3600), Duration.ofMinutes(1));
            assertEquals(2, m.size(), m.toString());
            assertEquals(10, m.get(0).count(), "both steps' rows in one minute summed");
            assertEquals(1, m.get(0).errors());
            assertEquals(10_000, m.get(0).percentileMicros(0.5), "8 of 10 took 5 ms: p50 in the 10 ms bucket");
            assertEquals(1_000_000, m.get(0).percentileMicros(0.9), "the 9th took 500 ms: p90 in the 1 s bucket");
            assertEquals(10_000_000, m.get(0).percentileMicros(0.95), "p95 of ten is the slowest, 2 s: the 10 s bucket");
            assertEquals(4, m.get(1).count());
            assertEquals(1_000, m.get(1).percentileMicros(0.95));
            assertEquals(0, SagaStats.percentileMicros(new long[MetricsLog.BOUNDS_MICROS.length + 1], 0.5));
            assertEquals(1, stats.metrics(T0, T0.plusSeconds(3600), Duration.ofHours(1)).size(), "one hour bucket");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> stats.stepsPerBucket(T0, T0, Duration.ofMinutes(1)));
            assertTrue(e.getMessage().contains("empty or reversed"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> stats.metrics(T0, T0.plusSeconds(1), Duration.ZERO));
        }
    }

    @Test
    void runHistoryCanBeNarrowedToOneWorkflow() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long r1 = db.sagas().startRun("lead-to-project", T0);
            db.sagas().finishRun(r1, "DONE", 10, 7, 3, "7 projects", T0.plusSeconds(4));
            long r2 = db.sagas().startRun("time-to-billing", T0.plusSeconds(5));
            db.sagas().finishRun(r2, "DONE", 120, 6, 2, "6 invoices", T0.plusSeconds(9));
            long r3 = db.sagas().startRun("lead-to-project", T0.plusSeconds(60));
            SagaStats stats = new SagaStats(db);
            List<Sagas.Run> leads = stats.runs("lead-to-project", 10);
            assertEquals(List.of(r3, r1), leads.stream().map(Sagas.Run::id).toList(), "newest first, one workflow");
            assertEquals(null, leads.get(0).finishedAt(), "the running run has no end yet");
            assertEquals(7, leads.get(1).writes());
            assertEquals(3, stats.runs(null, 10).size());
            assertEquals(1, stats.runs(null, 1).size());
        }
    }

    @Test
    void followingADealFindsItsSagaAndTheSagasOfItsCustomerProjectAndInvoices() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Sagas sagas = db.sagas();
            long deal = sagas.begin("lead-to-project", "deal:3141", "v1", T0).id();
            sagas.step(deal, "customer", "DONE", "xero", "contact-77", "created", "{\"Name\":\"Harwell\"}", T0);
            sagas.step(deal, "project", "DONE", "xero-projects", "proj-5", "Harwell audit", "{\"name\":\"x\"}",
                    T0.plusSeconds(1));
            sagas.step(deal, "write-back", "DONE", "hubspot", "3141", "ids written", null, T0.plusSeconds(2));
            sagas.finish(deal, Sagas.State.DONE, null, "done", T0.plusSeconds(2));
            long master = sagas.begin("customer-master-sync", "xero-contact:contact-77", null, T0.plusSeconds(30)).id();
            sagas.step(master, "update-crm", "DONE", "hubspot", "company-9", "2 fields", "{}", T0.plusSeconds(31));
            long invoice = sagas.begin("time-to-billing", "invoice:k-1", "Harwell audit", T0.plusSeconds(60)).id();
            sagas.step(invoice, "reserve", "DONE", "crossbill", null, "2 items", "{\"LineItems\":[]}",
                    T0.plusSeconds(60));
            long ex = db.exceptions().report(report("time-to-billing", "post-invoice", "invoice:k-1", "Xero said 400"));
            sagas.step(invoice, "post-invoice", "FAILED", "xero", null, "Xero said 400", null, T0.plusSeconds(61));
            sagas.finish(invoice, Sagas.State.FAILED, ex, "400", T0.plusSeconds(61));
            db.ledger().reserve(List.of(item("te-100", "proj-5", "k-1"), item("te-101", "proj-5", "k-1")),
                    T0.plusSeconds(60));
            long other = sagas.begin("lead-to-project", "deal:2718", "v1", T0).id();
            sagas.step(other, "customer", "DONE", "xero", "contact-88", "created", "{}", T0);

            SagaStats stats = new SagaStats(db);
            SagaStats.Timeline t = stats.follow(" 3141 ", 50);
            assertEquals("3141", t.query());
            assertEquals(List.of("deal:3141", "xero-contact:contact-77", "invoice:k-1"),
                    t.sagas().stream().map(f -> f.saga().businessKey()).toList(), "oldest saga first");
            assertEquals("business key", t.sagas().get(0).matchedBy());
            assertEquals(3, t.sagas().get(0).steps().size());
            assertEquals("{\"Name\":\"Harwell\"}", t.sagas().get(0).steps().get(0).payload());
            SagaStats.FollowedSaga billing = t.sagas().get(2);
            assertEquals(1, billing.exceptions().size());
            assertEquals("Xero said 400", billing.exceptions().get(0).cause());

            List<SagaStats.TimelineEvent> events = t.events();
            assertEquals(7, events.size(), "3 + 1 + 2 steps and 1 exception: " + events);
            for (int i = 1; i < events.size(); i++) {
                assertFalse(events.get(i).at().isBefore(events.get(i - 1).at()), "in time order: " + events);
            }
            assertTrue(events.stream().anyMatch(SagaStats.TimelineEvent::isException));
            assertEquals("write-back", events.get(2).step());

            // by time entry id: the billing ledger leads to the invoice saga, and its project to the deal
            SagaStats.Timeline byEntry = stats.follow("te-101", 50);
            assertEquals("billing ledger", byEntry.sagas().stream().filter(f -> f.saga().businessKey()
                    .equals("invoice:k-1")).findFirst().orElseThrow().matchedBy());
            // by a record's id in a system, and by a word of a payload
            assertEquals(List.of("deal:3141", "xero-contact:contact-77", "invoice:k-1"), stats.follow("CONTACT-77", 50)
                    .sagas().stream().map(f -> f.saga().businessKey()).toList());
            assertEquals("deal:3141", stats.follow("Harwell", 50).sagas().get(0).saga().businessKey());
            assertTrue(stats.follow("nothing-like-this", 50).isEmpty());
            assertEquals(1, stats.follow("3141", 1).sagas().size(), "the limit is kept");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stats.follow(" 3 ", 5));
            assertTrue(e.getMessage().contains("at least two characters"), e.getMessage());
        }
    }

    @Test
    void wildcardsInTheTextAreTakenLiterally() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.sagas().begin("lead-to-project", "deal:100", null, T0);
            db.sagas().begin("lead-to-project", "deal:1_0", null, T0);
            assertEquals(List.of("deal:1_0"), new SagaStats(db).follow("1_0", 10).sagas().stream()
                    .map(f -> f.saga().businessKey()).toList());
            assertTrue(new SagaStats(db).follow("%%", 10).isEmpty());
        }
    }

    private static ExceptionReport report(String workflow, String step, String key, String cause) {
        return new ExceptionReport(ExceptionClass.VALIDATION, workflow, step, "xero", "Deal", key, null,
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8), null, cause, "Fix it, then retry.", null, 0);
    }

    private static BillingLedger.Item item(String id, String project, String invoiceKey) {
        return new BillingLedger.Item(id, "TIME", project, "2026-11", invoiceKey, "CB-1-1", new BigDecimal("100.00"),
                "GBP", "RESERVED", null, null, T0, null);
    }
}
