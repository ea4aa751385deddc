package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.Dispatcher;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.delivery.http.JsonHttpConnector;
import io.crossbill.delivery.store.InDoubtRecovery;
import io.crossbill.delivery.store.StoreDeliveryQueue;
import io.crossbill.delivery.tests.RecordServer.Fault;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
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
            Dispatcher dispatcher = new Dispatcher(new StoreDeliveryQueue(db), new SystemGates(s -> limits, clock),
                    Delivery.Settings.of("time-to-billing"), 10);
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
        }
    }

    @Test
    void entriesClaimedByAKilledProcessComeBackAsTriedOnce() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            add(db, "TE-1");
            add(db, "TE-2");
            assertEquals(2, db.outbox().claim("xero", 10).size()); // and then the process "dies"
        }
        assertEquals(2, InDoubtRecovery.requeue(workspace));
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            List<OutboxEntry> again = db.outbox().claim("xero", 10);
            assertEquals(2, again.size());
            assertTrue(again.stream().allMatch(e -> e.attempts() == 1), again.toString());
        }
    }
}
