package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.PendingReplays;
import io.crossbill.store.PendingReplays.Action;
import io.crossbill.store.PendingReplays.Request;
import io.crossbill.store.PendingReplays.State;
import io.crossbill.store.ReplayQueueDrainer;
import io.crossbill.store.ReplayQueueDrainer.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingReplaysTest {

    private static final byte[] EDITED = "{\"hours\":7.5,\"note\":\"Acme Pty Ltd\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;

    private static long exception(EngineDatabase db, String key) {
        return db.exceptions().report(new ExceptionReport(ExceptionClass.VALIDATION, "time-to-billing", "validate",
                "xero-projects", "TimeEntry", key, null, "{\"hours\":75}".getBytes(StandardCharsets.UTF_8), null,
                "75 hours on one day.", "Correct the hours and replay.", null, 1));
    }

    @Test
    void aQueuedRetryAndReplaySurviveARestartAndAreAuditedWithoutThePayload() throws Exception {
        long retried;
        long replayed;
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            retried = exception(db, "te-1");
            replayed = exception(db, "te-2");
            PendingReplays q = new PendingReplays(db);
            Request r = q.request(retried, Action.RETRY, null, " ana ");
            assertEquals("ana", r.requestedBy());
            assertEquals(State.PENDING, r.state());
            q.request(replayed, Action.REPLAY, EDITED, "ben");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            PendingReplays q = new PendingReplays(db);
            List<Request> pending = q.pending();
            assertEquals(2, pending.size());
            assertEquals(retried, pending.get(0).exceptionId());
            assertEquals(Action.RETRY, pending.get(0).action());
            assertNull(pending.get(0).payload());
            assertEquals(replayed, pending.get(1).exceptionId());
            assertEquals(Action.REPLAY, pending.get(1).action());
            assertArrayEquals(EDITED, pending.get(1).payload());
            assertEquals("ben", q.latestFor(replayed).orElseThrow().requestedBy());
            assertEquals(List.of(retried, replayed), List.copyOf(q.latestFor(List.of(retried, replayed, 999L))
                    .keySet()));
            assertFalse(pending.get(1).toString().contains("Acme"), "toString names the payload's size only");
            assertTrue(db.audit().verify().intact());
        }
        List<String> audit = audit();
        assertEquals(2, audit.size());
        assertEquals("ana|replay.queued|exception:" + retried + "|retry queued as request 1 until the systems"
                + " answer", audit.get(0));
        assertTrue(audit.get(1).startsWith("ben|replay.queued|exception:" + replayed + "|replay queued as request 2"
                + " until the systems answer; edited payload " + EDITED.length + " bytes, sha-256 "), audit.get(1));
        assertFalse(audit.get(1).contains("Acme"), "the payload's content is not in the audit trail");
    }

    @Test
    void aRequestThatCannotBeRunLaterIsRefusedWithTheReasonAndNothingIsQueued() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long open = exception(db, "te-1");
            long resolved = exception(db, "te-2");
            db.exceptions().resolve(resolved, "ana", "fixed in Xero");
            PendingReplays q = new PendingReplays(db);
            assertEquals("A replay of exception " + open + " needs the edited payload; to run it again as it is,"
                    + " queue a retry.", assertThrows(IllegalArgumentException.class,
                            () -> q.request(open, Action.REPLAY, null, "ana")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> q.request(open, Action.RETRY, EDITED, "ana"));
            assertThrows(IllegalArgumentException.class, () -> q.request(open, Action.RETRY, null, " "));
            assertThrows(IllegalArgumentException.class, () -> q.request(open, Action.REPLAY,
                    new byte[(1 << 20) + 1], "ana"));
            assertEquals("There is no exception 999 in the queue.", assertThrows(NoSuchElementException.class,
                    () -> q.request(999, Action.RETRY, null, "ana")).getMessage());
            assertEquals("Exception " + resolved + " is resolved already; there is nothing to retry.",
                    assertThrows(IllegalStateException.class, () -> q.request(resolved, Action.RETRY, null, "ana"))
                            .getMessage());
            assertTrue(q.pending().isEmpty());

            Request first = q.request(open, Action.RETRY, null, "ana");
            String twice = assertThrows(IllegalStateException.class, () -> q.request(open, Action.REPLAY, EDITED,
                    "ben")).getMessage();
            assertEquals("A retry of exception " + open + " is queued already (by ana at "
                    + first.requestedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "); it runs when the"
                    + " systems answer.", twice);
            assertEquals(List.of(first.id()), q.pending().stream().map(Request::id).toList());
        }
    }

    @Test
    void theDrainerRunsEachOnceRecordsOutcomesAndStopsWhenTheSystemsGoAway() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            PendingReplays q = new PendingReplays(db);
            long a = exception(db, "te-a");
            long b = exception(db, "te-b");
            long c = exception(db, "te-c");
            long d = exception(db, "te-d");
            Request ra = q.request(a, Action.RETRY, null, "ana");
            Request rb = q.request(b, Action.REPLAY, EDITED, "ana");
            Request rc = q.request(c, Action.RETRY, null, "ben");
            Request rd = q.request(d, Action.RETRY, null, "ben");
            List<Long> ran = new ArrayList<>();
            ReplayQueueDrainer drainer = new ReplayQueueDrainer(q, r -> {
                ran.add(r.exceptionId());
                if (r.exceptionId() == a) {
                    return Outcome.done("Outbox entry 12 is pending again; delivery to xero-projects will try it.");
                }
                if (r.exceptionId() == b) {
                    throw new IllegalStateException("the workflow time-to-billing is not loaded");
                }
                return Outcome.notNow("Xero Projects did not answer");
            });
            ReplayQueueDrainer.Summary first = drainer.drain();
            assertEquals(new ReplayQueueDrainer.Summary(1, 1, 2, "Xero Projects did not answer"), first);
            assertEquals("1 queued replay run, 1 queued replay failed, 2 still queued (Xero Projects did not answer)",
                    first.describe());
            assertEquals(List.of(a, b, c), ran, "the drain stopped at the one that could not be run");
            Request doneA = q.get(ra.id()).orElseThrow();
            assertEquals(State.DONE, doneA.state());
            assertEquals("Outbox entry 12 is pending again; delivery to xero-projects will try it.", doneA.outcome());
            assertTrue(doneA.doneAt() != null && !doneA.doneAt().isBefore(doneA.requestedAt()));
            Request failedB = q.get(rb.id()).orElseThrow();
            assertEquals(State.FAILED, failedB.state());
            assertEquals("The replay could not be run: the workflow time-to-billing is not loaded",
                    failedB.outcome());
            assertEquals(List.of(rc.id(), rd.id()), q.pending().stream().map(Request::id).toList());

            // the systems answer again: the rest run, the finished ones are not run twice
            ran.clear();
            ReplayQueueDrainer again = new ReplayQueueDrainer(q, r -> {
                ran.add(r.exceptionId());
                return Outcome.done("Taken in; the exception is resolved.");
            });
            assertEquals(new ReplayQueueDrainer.Summary(2, 0, 0, null), again.drain());
            assertEquals(List.of(c, d), ran);
            assertTrue(q.pending().isEmpty());
            assertEquals("", again.drain().describe(), "nothing left to do");
            assertThrows(IllegalStateException.class, () -> q.markDone(ra.id(), "again"), "run once only");

            // the failed replay is queued again with its edited payload; the failed request stays as it was
            Request requeued = q.requeue(rb.id(), "ana");
            assertEquals(State.PENDING, requeued.state());
            assertArrayEquals(EDITED, requeued.payload());
            assertEquals(State.FAILED, q.get(rb.id()).orElseThrow().state());
            assertEquals(requeued.id(), q.latestFor(b).orElseThrow().id());
            Map<Long, Request> latest = q.latestByException();
            assertEquals(List.of(a, b, c, d), List.copyOf(latest.keySet()));
            assertEquals(requeued.id(), latest.get(b).id(), "the latest request per exception");
            assertEquals(State.DONE, latest.get(c).state());
            assertThrows(IllegalStateException.class, () -> q.requeue(ra.id(), "ana"), "only a failed one");
            assertTrue(db.audit().verify().intact());
        }
        List<String> audit = audit();
        assertEquals(List.of("replay.queued", "replay.queued", "replay.queued", "replay.queued", "replay.done",
                "replay.failed", "replay.done", "replay.done", "replay.queued"), audit.stream()
                        .map(l -> l.split("\\|")[1]).toList());
        assertTrue(audit.get(5).startsWith("engine|replay.failed|exception:"), audit.get(5));
        assertTrue(audit.get(5).endsWith("replay queued as request 2 by ana: The replay could not be run: the"
                + " workflow time-to-billing is not loaded"), audit.get(5));
    }

    @Test
    void aCancelledDrainLeavesTheRestPending() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            PendingReplays q = new PendingReplays(db);
            q.request(exception(db, "te-1"), Action.RETRY, null, "ana");
            q.request(exception(db, "te-2"), Action.RETRY, null, "ana");
            AtomicInteger runs = new AtomicInteger();
            ReplayQueueDrainer.Summary s = new ReplayQueueDrainer(q, r -> Outcome.done("run " + runs.incrementAndGet()))
                    .drain(() -> runs.get() == 1);
            assertEquals(new ReplayQueueDrainer.Summary(1, 0, 1, "cancelled"), s);
            assertEquals(1, q.pending().size());
        }
    }

    private List<String> audit() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, action, subject, detail FROM audit_log"
                        + " WHERE action LIKE 'replay.%' ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }
}
