package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.Dispatcher;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.delivery.http.JsonHttpConnector;
import io.crossbill.delivery.store.StoreDeliveryQueue;
import io.crossbill.delivery.tests.RecordServer.Fault;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.MetricsLog;
import io.crossbill.store.Outbox;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery recorded in the engine's H2 store: outbox states, exceptions, audit, and recovery after a kill. */
class StoreDeliveryQueueTest {

    @TempDir
    Path workspace;

    private static long add(EngineDatabase db, String ref) {
        return db.inTransaction(() -> db.outbox().add(1, IdempotencyKey.of("psa", ref, "1"), "xero", "TimeEntry",
                ("{\"reference\":\"" + ref + "\"}").getBytes(StandardCharsets.UTF_8), ref, Instant.now()));
    }

    @Test
    void outcomesAndTheirExceptionsAreRecordedTogether() throws Exception {
        FakeClock clock = new FakeClock();
        try (RecordServer server = new RecordServer(true); EngineDatabase db = EngineDatabase.open(workspace)) {
            // delivered in this order: the first meets the validation error, the second three 500s
            long rejected = add(db, "TE-1");
            long dead = add(db, "TE-2");
            long ok = add(db, "TE-3");
            server.failNext(1, Fault.VALIDATION_ERROR, "Project is closed").failNext(3, Fault.SERVER_ERROR);
            SystemLimits limits = SystemLimits.concurrencyOnly("xero", 1)
                    .withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
            Delivery.Settings settings = Delivery.Settings.of("time-to-billing");
            Dispatcher dispatcher = new Dispatcher(new StoreDeliveryQueue(db, settings),
                    new SystemGates(s -> limits, clock), settings, 10);
            dispatcher.drain(new JsonHttpConnector("xero", server.baseUri(), JsonHttpConnector.defaultClient(),
                    Duration.ofSeconds(5), true, clock), 1);

            assertEquals(Outbox.State.SENT, db.outbox().state(ok));
            assertEquals(Outbox.State.FAILED, db.outbox().state(rejected));
            assertEquals(Outbox.State.FAILED, db.outbox().state(dead));
            List<StoredException> open = db.exceptions().find(ExceptionFilter.all().withState(ExceptionState.OPEN));
            assertEquals(1, open.size());
            assertEquals(ExceptionClass.REJECTED, open.get(0).exceptionClass());
            assertTrue(open.get(0).cause().contains("Project is closed"), open.get(0).cause());
            List<StoredException> deadLettered = db.exceptions().find(ExceptionFilter.all().withState(ExceptionState.DEAD));
            assertEquals(1, deadLettered.size());
            assertEquals(ExceptionClass.CONNECTIVITY, deadLettered.get(0).exceptionClass());
            assertTrue(db.audit().verify().intact(), db.audit().verify().describe());
            // metrics: one count per outcome under the workflow, with a latency histogram
            List<MetricsLog.Bucket> buckets = db.metrics().series("time-to-billing", "deliver",
                    Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
            java.util.Map<String, Long> byOutcome = new java.util.TreeMap<>();
            for (MetricsLog.Bucket b : buckets) {
                byOutcome.merge(b.outcome(), b.count(), Long::sum);
                assertEquals(b.count(), java.util.Arrays.stream(b.histogram()).sum());
            }
            assertEquals(java.util.Map.of("dead", 1L, "failed", 1L, "sent", 1L), byOutcome);
        }
    }

    @Test
    void failuresCarryTheEntrysWorkflowBusinessKeyAndOriginalPayload() throws Exception {
        FakeClock clock = new FakeClock();
        byte[] original = "{\"timeEntryId\":\"te-77\",\"duration\":60}".getBytes(StandardCharsets.UTF_8);
        try (RecordServer server = new RecordServer(true); EngineDatabase db = EngineDatabase.open(workspace)) {
            db.inTransaction(() -> {
                IdempotencyKey key = IdempotencyKey.of("xero", "te-77", "v1");
                long inboxId = db.inbox().appendOrMinusOne(new io.crossbill.engine.api.RecordEnvelope("xero",
                        "TimeEntry", "te-77", "v1", original, Instant.now(), null), key, false);
                db.outbox().add(inboxId, key, "time-to-billing", "xero", "TimeEntry", "te-77",
                        "{\"reference\":\"te-77\"}".getBytes(StandardCharsets.UTF_8), null, Instant.now());
            });
            server.failNext(1, Fault.VALIDATION_ERROR, "Project is closed");
            SystemLimits limits = SystemLimits.concurrencyOnly("xero", 1);
            new Dispatcher(new StoreDeliveryQueue(db), new SystemGates(s -> limits, clock),
                    Delivery.Settings.of("fallback"), 10)
                    .drain(new JsonHttpConnector("xero", server.baseUri(), JsonHttpConnector.defaultClient(),
                            Duration.ofSeconds(5), true, clock), 1);

            StoredException e = db.exceptions().find(ExceptionFilter.all()).get(0);
            assertEquals("time-to-billing", e.workflow());
            assertEquals("te-77", e.businessKey());
            assertEquals(new String(original, StandardCharsets.UTF_8),
                    new String(e.originalPayload(), StandardCharsets.UTF_8));
            assertEquals("{\"reference\":\"te-77\"}", new String(e.mappedOutput(), StandardCharsets.UTF_8));
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void entriesClaimedByAKilledProcessComeBackAsTriedOnce() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            add(db, "TE-1");
            add(db, "TE-2");
            assertEquals(2, db.outbox().claim("xero", 10).size()); // and then the process "dies"
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(2, db.outbox().requeuedAtOpen(), "the store puts them back when it opens");
            List<OutboxEntry> again = db.outbox().claim("xero", 10);
            assertEquals(2, again.size());
            assertTrue(again.stream().allMatch(e -> e.attempts() == 1), again.toString());
        }
    }
}
