package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path workspace;

    private static long add(EngineDatabase db, int n, String target) {
        return db.outbox().add(n, IdempotencyKey.of("xero", "te-" + n, "v1"), target, "TimeEntry",
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), null, Instant.now());
    }

    @Test
    void entriesAreClaimedOldestFirstPerTargetAndMarkedSent() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.inTransaction(() -> {
                add(db, 1, "netsuite");
                add(db, 2, "hubspot");
                add(db, 3, "netsuite");
                add(db, 4, "netsuite");
            });
            List<OutboxEntry> first = db.outbox().claim("netsuite", 2);
            List<OutboxEntry> second = db.outbox().claim("netsuite", 2);
            List<OutboxEntry> none = db.outbox().claim("netsuite", 2);

            assertEquals(List.of(1L, 3L), first.stream().map(OutboxEntry::id).toList());
            assertEquals(List.of(4L), second.stream().map(OutboxEntry::id).toList());
            assertEquals(0, none.size());
            assertEquals(IdempotencyKey.of("xero", "te-1", "v1").text(), first.get(0).idempotencyKey());
            assertEquals("1", first.get(0).lineageId(), "without a lineage id the inbox id stands in");

            db.outbox().markSent(1, 1, "INV-77", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
            db.outbox().markForRetry(3, 4, "{\"status\":503}".getBytes(StandardCharsets.UTF_8));

            assertEquals(Outbox.State.SENT, db.outbox().state(1));
            assertEquals(Outbox.State.PENDING, db.outbox().state(3));
            List<OutboxEntry> retried = db.outbox().claim("netsuite", 10);
            assertEquals(List.of(3L), retried.stream().map(OutboxEntry::id).toList());
            assertEquals(4, retried.get(0).attempts(), "the attempt count is the one delivery reported");
            assertEquals(List.of(2L), db.outbox().claim("hubspot", 10).stream().map(OutboxEntry::id).toList());
        }
    }

    @Test
    void workflowBusinessKeyAndInboxIdComeBackWithTheClaim() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.outbox().add(42, IdempotencyKey.of("xero", "te-9", "v1"), "time-to-billing", "erp", "TimeEntry",
                    "te-9", "{}".getBytes(StandardCharsets.UTF_8), null, Instant.now());
            OutboxEntry e = db.outbox().claim("erp", 1).get(0);
            assertEquals(42, e.inboxId());
            assertEquals("time-to-billing", e.workflow());
            assertEquals("te-9", e.businessKey());
            db.outbox().markFailed(e.id(), 3, null);
            assertEquals(Outbox.State.FAILED, db.outbox().state(e.id()));
        }
    }

    @Test
    void pendingEntriesSurviveARestartAndClaimedOnesComeBackInDoubt() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.inTransaction(() -> {
                add(db, 1, "xero");
                add(db, 2, "xero");
            });
            db.outbox().claim("xero", 1);
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            // no process can hold a claim when the file opens: the claimed entry is pending again, tried once
            assertEquals(1, db.outbox().requeuedAtOpen());
            assertEquals(0L, db.outbox().countByState().get(Outbox.State.CLAIMED));
            List<OutboxEntry> again = db.outbox().claim("xero", 10);
            assertEquals(List.of(1L, 2L), again.stream().map(OutboxEntry::id).toList());
            assertEquals(List.of(1, 0), again.stream().map(OutboxEntry::attempts).toList());
            assertEquals(3L, add(db, 3, "xero"), "ids continue after the restart");
        }
    }
}
