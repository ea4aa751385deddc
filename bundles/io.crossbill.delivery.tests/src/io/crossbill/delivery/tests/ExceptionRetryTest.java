package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.engine.exceptions.Workflows;
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

/**
 * A delivery failure retried from the exception queue: the exception knows its outbox entry, the retry puts
 * the entry back to pending, and what delivery then makes of it settles the same exception.
 */
class ExceptionRetryTest {

    @TempDir
    Path workspace;

    private final FakeClock clock = new FakeClock();

    private static long add(EngineDatabase db, String ref) {
        return db.inTransaction(() -> db.outbox().add(1, IdempotencyKey.of("psa", ref, "1"), "time-to-billing",
                "xero", "TimeEntry", ref, ("{\"reference\":\"" + ref + "\"}").getBytes(StandardCharsets.UTF_8), ref,
                Instant.now()));
    }

    private void drain(EngineDatabase db, RecordServer server) throws InterruptedException {
        SystemLimits limits = SystemLimits.concurrencyOnly("xero", 1)
                .withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
        Delivery.Settings settings = Delivery.Settings.of("time-to-billing");
        new Dispatcher(new StoreDeliveryQueue(db, settings), new SystemGates(s -> limits, clock), settings, 10)
                .drain(new JsonHttpConnector("xero", server.baseUri(), JsonHttpConnector.defaultClient(),
                        Duration.ofSeconds(5), true, clock), 1);
    }

    private static ExceptionActions actions(EngineDatabase db) {
        return new ExceptionActions(db, Workflows.of(), OutboxLocator.of(db), "alice");
    }

    private static StoredException only(EngineDatabase db) {
        List<StoredException> all = db.exceptions().find(ExceptionFilter.all());
        assertEquals(1, all.size(), all.toString());
        return db.exceptions().get(all.get(0).id()).orElseThrow();
    }

    private static List<String> transitions(StoredException e) {
        return e.history().stream().map(h -> h.action() + ":" + h.fromState() + "->" + h.toState() + ":" + h.actor())
                .toList();
    }

    @Test
    void aDeadDeliveryRetriedFromTheQueueIsDeliveredOnceAndItsExceptionResolved() throws Exception {
        try (RecordServer server = new RecordServer(true); EngineDatabase db = EngineDatabase.open(workspace)) {
            long entry = add(db, "TE-1");
            server.failNext(3, Fault.SERVER_ERROR);
            drain(db, server);

            assertEquals(Outbox.State.FAILED, db.outbox().state(entry));
            StoredException dead = only(db);
            assertEquals(ExceptionState.DEAD, dead.state());
            assertEquals(ExceptionClass.CONNECTIVITY, dead.exceptionClass());
            assertEquals(Long.valueOf(entry), dead.outboxId(), "delivery files the exception with its outbox entry");
            assertEquals(0, server.effects("TE-1"));

            ActionOutcome dry = actions(db).retry(dead.id(), true);
            assertEquals(ActionOutcome.Verdict.WOULD_DO, dry.verdict(), dry.message());
            assertEquals(Outbox.State.FAILED, db.outbox().state(entry));

            ActionOutcome retried = actions(db).retry(dead.id(), false);
            assertEquals(ActionOutcome.Verdict.DONE, retried.verdict(), retried.message());
            assertEquals(Outbox.State.PENDING, db.outbox().state(entry));
            assertEquals(ExceptionState.RETRYING, only(db).state());

            drain(db, server);

            assertEquals(Outbox.State.SENT, db.outbox().state(entry));
            StoredException resolved = only(db);
            assertEquals(ExceptionState.RESOLVED, resolved.state(), "no second exception, the first one resolved");
            assertEquals(List.of("created:null->DEAD:engine", "retry:DEAD->RETRYING:alice",
                    "retry-ok:RETRYING->RESOLVED:engine"), transitions(resolved));
            assertEquals(1, server.effects("TE-1"), "exactly one effect at the target");
            assertTrue(server.doubled().isEmpty(), server.doubled().toString());
            assertTrue(db.audit().verify().intact(), db.audit().verify().describe());

            drain(db, server); // nothing pending: nothing more happens
            assertEquals(1, server.effects("TE-1"));
            assertEquals(ExceptionState.RESOLVED, only(db).state());
        }
    }

    @Test
    void aRetriedDeliveryThatFailsAgainReopensTheSameExceptionWithTheNewCause() throws Exception {
        try (RecordServer server = new RecordServer(true); EngineDatabase db = EngineDatabase.open(workspace)) {
            long entry = add(db, "TE-2");
            long other = add(db, "TE-3");
            server.failNext(1, Fault.UNAUTHORIZED);
            drain(db, server);
            assertEquals(Outbox.State.SENT, db.outbox().state(other));
            StoredException auth = only(db);
            assertEquals(ExceptionClass.AUTH, auth.exceptionClass());
            assertEquals(ExceptionState.OPEN, auth.state());
            assertEquals(Long.valueOf(entry), auth.outboxId());

            assertEquals(ActionOutcome.Verdict.DONE, actions(db).retry(auth.id(), false).verdict());
            server.failNext(1, Fault.VALIDATION_ERROR, "Project is closed");
            drain(db, server);

            assertEquals(Outbox.State.FAILED, db.outbox().state(entry));
            StoredException again = only(db);
            assertEquals(ExceptionState.OPEN, again.state());
            assertEquals(ExceptionClass.REJECTED, again.exceptionClass());
            assertTrue(again.cause().contains("Project is closed"), again.cause());
            assertEquals(List.of("created:null->OPEN:engine", "retry:OPEN->RETRYING:alice",
                    "retry-failed:RETRYING->OPEN:engine"), transitions(again));
            assertNotNull(again.history().get(2).note());
            assertEquals(0, server.effects("TE-2"));
            assertTrue(db.audit().verify().intact(), db.audit().verify().describe());

            // and once the project is open again, the next retry delivers it
            assertEquals(ActionOutcome.Verdict.DONE, actions(db).retry(again.id(), false).verdict());
            drain(db, server);
            assertEquals(ExceptionState.RESOLVED, only(db).state());
            assertEquals(1, server.effects("TE-2"));
        }
    }
}
