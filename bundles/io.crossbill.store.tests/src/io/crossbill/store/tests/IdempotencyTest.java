package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

    @TempDir
    Path workspace;

    private final RecordEnvelope v1 = StoreTestSupport.envelope("te-1", "v1", "{\"timeEntryId\":\"te-1\"}");
    private final RecordEnvelope v2 = StoreTestSupport.envelope("te-1", "v2", "{\"timeEntryId\":\"te-1\",\"x\":1}");

    @Test
    void sameVersionTwiceIsStoredOnce() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Optional<Long> first = db.inbox().append(v1, StoreTestSupport.keyOf(v1), false);
            Optional<Long> again = db.inbox().append(v1, StoreTestSupport.keyOf(v1), false);
            Optional<Long> newer = db.inbox().append(v2, StoreTestSupport.keyOf(v2), false);

            assertTrue(first.isPresent());
            assertTrue(again.isEmpty(), "the same version was taken in twice");
            assertTrue(newer.isPresent(), "a new version of the same record is not a duplicate");
            assertEquals(2, db.inbox().count());
        }
    }

    @Test
    void duplicatesAreRecognisedAfterCloseAndReopen() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.inTransaction(() -> {
                db.inbox().append(v1, StoreTestSupport.keyOf(v1), false);
                db.inbox().append(v2, StoreTestSupport.keyOf(v2), false);
            });
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(2, db.idempotencyKeys().size());
            assertTrue(db.idempotencyKeys().contains(StoreTestSupport.keyOf(v1)));
            assertTrue(db.inbox().append(v1, StoreTestSupport.keyOf(v1), false).isEmpty());
            assertTrue(db.inbox().append(v2, StoreTestSupport.keyOf(v2), false).isEmpty());
            assertEquals(2, db.inbox().count());
        }
    }

    @Test
    void keysOfARolledBackTransactionAreForgottenSoTheRecordCanComeAgain() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertThrows(StoreException.class, () -> db.inTransaction(() -> {
                db.inbox().append(v1, StoreTestSupport.keyOf(v1), false);
                throw new SQLException("disk full, say");
            }));
            assertFalse(db.idempotencyKeys().contains(StoreTestSupport.keyOf(v1)));
            assertEquals(0, db.inbox().count());

            assertTrue(db.inbox().append(v1, StoreTestSupport.keyOf(v1), false).isPresent());
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(1, db.idempotencyKeys().size());
            assertEquals(1, db.inbox().count());
        }
    }

    @Test
    void inboxKeepsTheRecordAsReceived() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = db.inbox().append(v1, StoreTestSupport.keyOf(v1), true).orElseThrow();
            var row = db.inbox().get(id).orElseThrow();
            assertEquals("xero", row.system());
            assertEquals("TimeEntry", row.entity());
            assertEquals("te-1", row.externalId());
            assertEquals("v1", row.sourceVersion());
            assertTrue(row.versionIsHash());
            assertEquals(StoreTestSupport.keyOf(v1), row.key());
            assertEquals(Long.toString(id), row.lineageId(), "without a lineage id of its own, the inbox id is used");
            assertEquals(v1.receivedAt(), row.receivedAt());
            assertEquals("{\"timeEntryId\":\"te-1\"}", new String(row.payload(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
