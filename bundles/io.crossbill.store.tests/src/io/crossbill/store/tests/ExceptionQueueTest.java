package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.ExceptionQueue;
import io.crossbill.store.StoreException;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExceptionQueueTest {

    @TempDir
    Path workspace;

    private static ExceptionReport report(ExceptionClass c, String system, String workflow, String key, byte[] payload) {
        return new ExceptionReport(c, workflow, "deliver", system, "TimeEntry", key, null, payload,
                "{\"hours\":3}".getBytes(StandardCharsets.UTF_8), "Project P-9 does not exist in NetSuite.",
                "Create the project or fix the cross-reference, then replay.", "HTTP 400 INVALID_KEY", 2);
    }

    @Test
    void aDeliveryExceptionKeepsItsOutboxEntryAndIsRefiledWhenItsRetryFails() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ExceptionQueue q = db.exceptions();
            byte[] p = "{}".getBytes(StandardCharsets.UTF_8);
            long intake = q.report(report(ExceptionClass.MAPPING, "xero", "time-to-billing", "te-0", p));
            long delivery = q.report(report(ExceptionClass.CONNECTIVITY, "netsuite", "time-to-billing", "te-1", p)
                    .withOutboxId(42), ExceptionState.DEAD);
            assertEquals(null, q.get(intake).orElseThrow().outboxId());
            assertEquals(Long.valueOf(42), q.get(delivery).orElseThrow().outboxId());
            assertEquals(Long.valueOf(42), q.find(ExceptionFilter.all().withBusinessKey("te-1")).get(0).outboxId());

            assertTrue(q.retryingForOutbox(List.of(42L, 43L)).isEmpty(), "only RETRYING exceptions count");
            q.changeState(delivery, ExceptionState.RETRYING, "retry", "alice", "back to pending");
            assertEquals(java.util.Map.of(42L, delivery), q.retryingForOutbox(List.of(41L, 42L)));

            ExceptionReport again = new ExceptionReport(ExceptionClass.REJECTED, "time-to-billing", "deliver",
                    "netsuite", "TimeEntry", "te-1", null, null, null, "Project is closed.", "Reopen it.", "HTTP 400",
                    7, 42L);
            q.refile(delivery, ExceptionState.OPEN, again, "retry-failed", "engine");
            StoredException e = q.get(delivery).orElseThrow();
            assertEquals(ExceptionState.OPEN, e.state());
            assertEquals(ExceptionClass.REJECTED, e.exceptionClass());
            assertEquals("Project is closed.", e.cause());
            assertEquals("Reopen it.", e.suggestedFix());
            assertEquals("HTTP 400", e.detail());
            assertEquals(7, e.attempts());
            assertEquals("retry-failed", e.history().get(2).action());
            assertEquals("engine", e.history().get(2).actor());
            assertEquals(ExceptionState.RETRYING, e.history().get(2).fromState());
            assertTrue(q.retryingForOutbox(List.of(42L)).isEmpty());
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void queryByClassSystemAndWorkflow() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ExceptionQueue q = db.exceptions();
            byte[] p = "{}".getBytes(StandardCharsets.UTF_8);
            long a = q.report(report(ExceptionClass.REFERENCE, "netsuite", "time-to-billing", "te-1", p));
            q.report(report(ExceptionClass.REFERENCE, "hubspot", "time-to-billing", "te-2", p));
            q.report(report(ExceptionClass.AUTH, "netsuite", "time-to-billing", "te-3", p));
            q.report(report(ExceptionClass.REFERENCE, "netsuite", "lead-to-project", "deal-4", p));

            List<StoredException> found = q.find(ExceptionFilter.all().withClass(ExceptionClass.REFERENCE)
                    .withSystem("netsuite").withWorkflow("time-to-billing"));

            assertEquals(1, found.size());
            StoredException e = found.get(0);
            assertEquals(a, e.id());
            assertEquals(ExceptionState.OPEN, e.state());
            assertEquals("te-1", e.businessKey());
            assertEquals("deliver", e.step());
            assertEquals("Project P-9 does not exist in NetSuite.", e.cause());
            assertEquals("HTTP 400 INVALID_KEY", e.detail());
            assertEquals(2, e.attempts());
            assertEquals("{\"hours\":3}", new String(e.mappedOutput(), StandardCharsets.UTF_8));
            assertEquals(3, q.count(ExceptionFilter.all().withClass(ExceptionClass.REFERENCE)));
            assertEquals(1, q.find(ExceptionFilter.all().withBusinessKey("deal-4")).size());
        }
    }

    @Test
    void stateChangesKeepHistoryAndAreAudited() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = db.exceptions().report(report(ExceptionClass.REFERENCE, "netsuite", "time-to-billing", "te-1",
                    "{}".getBytes(StandardCharsets.UTF_8)));
            db.exceptions().changeState(id, ExceptionState.RETRYING, "retry", "anna", null);
            db.exceptions().resolve(id, "anna", "project created by hand in NetSuite");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            StoredException e = db.exceptions().get(1).orElseThrow();
            assertEquals(ExceptionState.RESOLVED, e.state());
            assertEquals(List.of("created", "retry", "resolve"),
                    e.history().stream().map(StoredException.HistoryEntry::action).toList());
            StoredException.HistoryEntry last = e.history().get(2);
            assertEquals(ExceptionState.RETRYING, last.fromState());
            assertEquals("anna", last.actor());
            assertEquals("project created by hand in NetSuite", last.note());
            assertEquals(2, db.audit().lastSeq(), "each human action is one audit entry");
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void hugePayloadIsKeptTruncatedWithItsSize() {
        byte[] big = new byte[ExceptionQueue.MAX_STORED_PAYLOAD + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = db.exceptions().report(report(ExceptionClass.VALIDATION, "xero", "w", "te-1", big));
            StoredException e = db.exceptions().get(id).orElseThrow();
            assertTrue(e.payloadTruncated());
            assertEquals(big.length, e.payloadSize());
            assertArrayEquals(java.util.Arrays.copyOf(big, ExceptionQueue.MAX_STORED_PAYLOAD), e.originalPayload());
        }
    }

    @Test
    void aDeadLetterIsFiledDeadInOneStep() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = db.exceptions().report(report(ExceptionClass.CONNECTIVITY, "xero", "w", "te-1", null),
                    ExceptionState.DEAD);
            StoredException e = db.exceptions().get(id).orElseThrow();
            assertEquals(ExceptionState.DEAD, e.state());
            assertEquals(1, e.history().size());
            assertEquals("created", e.history().get(0).action());
            assertEquals(null, e.history().get(0).fromState());
            assertEquals(ExceptionState.DEAD, e.history().get(0).toState());
            assertEquals(1, db.exceptions().count(ExceptionFilter.all().withState(ExceptionState.DEAD)));
        }
    }

    @Test
    void changingAnUnknownExceptionSaysSo() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            StoreException e = assertThrows(StoreException.class, () -> db.exceptions().resolve(42, "anna", "x"));
            assertTrue(e.getMessage().contains("no exception 42"), e.getMessage());
            assertEquals(0, db.audit().lastSeq());
        }
    }
}
