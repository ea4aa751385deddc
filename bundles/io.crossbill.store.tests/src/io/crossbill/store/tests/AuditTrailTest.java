package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.AuditTrail;
import io.crossbill.store.EngineDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    @TempDir
    Path workspace;

    private void writeFiveEntries() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            for (int i = 1; i <= 5; i++) {
                db.audit().append("anna", "exception.resolve", "exception:" + i, "reason " + i);
            }
        }
    }

    @Test
    void untouchedChainVerifiesAcrossRestarts() {
        writeFiveEntries();
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.audit().append("engine", "ingest.batch", "inbox:1-10", null);
            AuditTrail.Verification v = db.audit().verify();
            assertTrue(v.intact(), v.describe());
            assertEquals(6, v.entriesChecked());
        }
    }

    @Test
    void changedEntryIsNamed() throws Exception {
        writeFiveEntries();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET detail = 'reason changed' WHERE seq = 3");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            AuditTrail.Verification v = db.audit().verify();
            assertFalse(v.intact());
            assertEquals(3, v.firstBrokenSeq());
            assertTrue(v.describe().contains("entry 3"), v.describe());
        }
    }

    @Test
    void removedEntryIsNamed() throws Exception {
        writeFiveEntries();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            AuditTrail.Verification v = db.audit().verify();
            assertFalse(v.intact());
            assertEquals(3, v.firstBrokenSeq());
        }
    }

    @Test
    void rewrittenChainWithRecomputedSeqStillBreaksAtTheChangedEntry() throws Exception {
        writeFiveEntries();
        // a forger who changes an entry and fixes its own hash still breaks the next entry's link
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertTrue(db.audit().verify().intact());
        }
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET entry_hash = '" + "ab".repeat(32) + "' WHERE seq = 4");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(4, db.audit().verify().firstBrokenSeq());
        }
    }
}
