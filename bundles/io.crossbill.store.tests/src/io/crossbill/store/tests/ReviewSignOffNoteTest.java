package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ReviewRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewSignOffNoteTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path workspace;

    @Test
    void aSignOffKeepsItsNoteAcrossARestartAndTheAuditEntryCarriesIt() throws Exception {
        String note = "Signed off with the two timing breaks of Acme carried to December's invoice.";
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ReviewRecords review = new ReviewRecords(db);
            ReviewRecords.SignOff o = review.signOff(NOVEMBER, ReviewRecords.Scope.PERIOD, "2026-11", "ana",
                    "snap-1", "hash-1", "  " + note + "\n");
            assertEquals(note, o.note(), "kept stripped");
            review.signOff(NOVEMBER, ReviewRecords.Scope.PROJECT, "p-7", "ben", null, "hash-2");
            review.signOff(NOVEMBER, ReviewRecords.Scope.ENTITY, "c-3", "ben", null, "hash-3", "   ");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            List<ReviewRecords.SignOff> offs = new ReviewRecords(db).signOffs(NOVEMBER);
            assertEquals(3, offs.size());
            assertEquals(note, offs.get(0).note());
            assertEquals("ana", offs.get(0).actor());
            assertNull(offs.get(1).note(), "the overload without a note keeps none");
            assertNull(offs.get(2).note(), "a blank note counts as none");
            assertEquals(note, new ReviewRecords(db).latestSignOff(NOVEMBER, ReviewRecords.Scope.PERIOD, "2026-11")
                    .orElseThrow().note());
            assertTrue(db.audit().verify().intact());
        }
        List<String> audit = new ArrayList<>();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, action, subject, detail FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                audit.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        assertEquals(3, audit.size(), audit.toString());
        assertEquals("ana|review.signoff|period:2026-11|2026-11 snapshot snap-1 reconciliation hash-1 note: " + note,
                audit.get(0));
        assertEquals("ben|review.signoff|project:p-7|2026-11 snapshot live reconciliation hash-2", audit.get(1));
    }

    @Test
    void anOverlongNoteIsRefusedWithItsLengthAndNothingIsWritten() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ReviewRecords review = new ReviewRecords(db);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> review.signOff(NOVEMBER,
                    ReviewRecords.Scope.PROJECT, "p-7", "ana", null, "hash", "x".repeat(2001)));
            assertEquals("The note on the sign-off of project p-7 has 2001 characters; at most 2,000 are kept."
                    + " Shorten it.", e.getMessage());
            assertTrue(review.signOffs(NOVEMBER).isEmpty());
            assertEquals(0, db.audit().lastSeq());
            assertEquals(2000, review.signOff(NOVEMBER, ReviewRecords.Scope.PROJECT, "p-7", "ana", null, "hash",
                    "x".repeat(2000)).note().length(), "2,000 characters are kept");
        }
    }
}
