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
