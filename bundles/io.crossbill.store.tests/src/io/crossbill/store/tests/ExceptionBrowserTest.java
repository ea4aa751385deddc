package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionBrowser.Filter;
import io.crossbill.store.ExceptionBrowser.Row;
import io.crossbill.store.ExceptionBrowser.Sort;
import io.crossbill.store.ExceptionBrowser.SortColumn;
import io.crossbill.store.ExceptionSeeder;
import io.crossbill.store.StoreException;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExceptionBrowserTest {

    @TempDir
    Path workspace;

    private static ExceptionReport report(ExceptionClass c, String workflow, String system, String key, String cause) {
        return new ExceptionReport(c, workflow, "map", system, "TimeEntry", key, null,
                ("{\"id\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), null, cause, "Fix it.", "raw", 1);
    }

    @Test
    void causesThatDifferOnlyInIdsAndNumbersGroupIntoOneRootCause() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            for (int i = 0; i < 40; i++) {
                db.exceptions().report(report(ExceptionClass.REFERENCE, "time-to-billing", "xero", "TE-" + i,
                        "No bill rate for time entry TE-" + (1000 + i) + " on project PRJ-" + (i % 7) + "."));
            }
            for (int i = 0; i < 3; i++) {
                db.exceptions().report(report(ExceptionClass.VALIDATION, "time-to-billing", "xero", "TE-x" + i,
                        "Time entry TE-" + i + " has 2" + i + ".5 hours on 2026-03-0" + (i + 1) + "."));
            }
            db.exceptions().report(report(ExceptionClass.CONFLICT, "customer-master-sync", "hubspot", "CUS-1",
                    "Customer CUS-1: field 'legalName' was changed on both sides."));
            List<ExceptionBrowser.RootCause> causes = new ExceptionBrowser(db).rootCauses(Filter.all(), 10);
            assertEquals(3, causes.size(), causes.toString());
            assertEquals("No bill rate for time entry TE-# on project PRJ-#.", causes.get(0).causeKey());
            assertEquals(40, causes.get(0).count());
            assertEquals(ExceptionClass.REFERENCE, causes.get(0).exceptionClass());
            assertEquals("Time entry TE-# has # hours on #.", causes.get(1).causeKey());
            assertEquals(3, causes.get(1).count());
            assertEquals("Customer CUS-#: field '...' was changed on both sides.", causes.get(2).causeKey());
            assertTrue(causes.get(1).sampleCause().startsWith("Time entry TE-2 has 22.5 hours"),
                    "the sample is the newest of its group: " + causes.get(1).sampleCause());
        }
    }

    @Test
    void theDatabaseAndJavaNormaliseMessagesAlike() throws Exception {
        List<String> messages = List.of("Deal D-446201: tax id GB9482 is not a valid VAT number.",
                "Xero answered 429 for invoice INV-0042; wait 37 s.", "Field \"taxId\" of 3f2a1b4c-1111-2222-3333-"
                        + "444455556666 is 'x y'.", "No digits at all.");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            for (String m : messages) {
                db.exceptions().report(report(ExceptionClass.VALIDATION, "w", "s", "k", m));
            }
            List<Row> rows = new ExceptionBrowser(db).page(Filter.all(), new Sort(SortColumn.ID, true), 0, 10);
            for (int i = 0; i < messages.size(); i++) {
                assertEquals(ExceptionBrowser.rootCauseOf(messages.get(i)), rows.get(i).causeKey());
            }
            assertEquals("Deal D-#: tax id # is not a valid VAT number.", rows.get(0).causeKey());
            assertEquals("Field '...' of # is '...'.", rows.get(2).causeKey());
        }
    }

    @Test
    void everyFilterNarrowsCountAndPageAlike() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            new ExceptionSeeder(db).seed(3000, 1, Instant.now());
            ExceptionBrowser b = new ExceptionBrowser(db);
            Filter all = Filter.all();
            assertEquals(3000, b.count(all));
            List<Filter> filters = List.of(all.withWorkflow("lead-to-project"), all.withClass(ExceptionClass.REFERENCE),
                    all.withSystem("hubspot"), all.withStates(EnumSet.of(ExceptionState.DEAD)),
                    all.withAge(ExceptionBrowser.Age.LAST_WEEK), all.withAge(ExceptionBrowser.Age.OLDER_THAN_60_DAYS),
                    all.withAssignee("chen.li"), all.withAssignee(ExceptionBrowser.UNASSIGNED), all.withText("closed"),
                    Filter.unresolved().withWorkflow("time-to-billing").withSystem("xero"));
            for (Filter f : filters) {
                long count = b.count(f);
                assertTrue(count > 0 && count < 3000, f + " matched " + count);
                List<Row> everything = b.page(f, Sort.newestFirst(), 0, 3000);
                assertEquals(count, everything.size(), f.toString());
                for (Row r : everything) {
                    assertTrue(matches(f, r), f + " let through " + r);
                }
            }
            // the same rows in pages as in one go
            Filter open = Filter.unresolved();
            List<Row> oneGo = b.page(open, Sort.newestFirst(), 0, 500);
            List<Row> paged = new ArrayList<>(b.page(open, Sort.newestFirst(), 0, 200));
            paged.addAll(b.page(open, Sort.newestFirst(), 200, 300));
            assertEquals(oneGo, paged);
        }
    }

    private static boolean matches(Filter f, Row r) {
        Instant now = Instant.now();
        return (f.states().isEmpty() || f.states().contains(r.state()))
                && (f.workflow() == null || f.workflow().equals(r.workflow()))
                && (f.exceptionClass() == null || f.exceptionClass() == r.exceptionClass())
                && (f.system() == null || f.system().equals(r.system()))
                && (f.assignee() == null || (f.assignee().isEmpty() ? r.assignee() == null : f.assignee().equals(r.assignee())))
                && (f.age() != ExceptionBrowser.Age.LAST_WEEK || r.createdAt().isAfter(now.minusSeconds(7 * 86400 + 60)))
                && (f.age() != ExceptionBrowser.Age.OLDER_THAN_60_DAYS || r.createdAt().isBefore(now.minusSeconds(60 * 86400)))
                && (f.text() == null || r.businessKey().toLowerCase().contains(f.text())
                        || r.causeKey().toLowerCase().contains(f.text()));
    }

    @Test
    void sortsPutRowsInTheChosenOrder() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            new ExceptionSeeder(db).seed(2000, 2, Instant.now());
            ExceptionBrowser b = new ExceptionBrowser(db);
            List<Row> newest = b.page(Filter.all(), Sort.newestFirst(), 0, 2000);
            for (int i = 1; i < newest.size(); i++) {
                assertTrue(!newest.get(i).createdAt().isAfter(newest.get(i - 1).createdAt()), "newest first at " + i);
            }
            List<Row> byKey = b.page(Filter.all(), new Sort(SortColumn.BUSINESS_KEY, true), 0, 2000);
            for (int i = 1; i < byKey.size(); i++) {
                assertTrue(byKey.get(i - 1).businessKey().compareTo(byKey.get(i).businessKey()) <= 0, "key order at " + i);
            }
            List<Row> byAttempts = b.page(Filter.all(), new Sort(SortColumn.ATTEMPTS, false), 0, 2000);
            assertEquals(5, byAttempts.get(0).attempts());
            assertEquals(1, byAttempts.get(byAttempts.size() - 1).attempts());
            List<Row> byWorkflow = b.page(Filter.all(), new Sort(SortColumn.WORKFLOW, true), 0, 2000);
            assertEquals("change-to-forecast", byWorkflow.get(0).workflow());
            assertEquals("time-to-billing", byWorkflow.get(byWorkflow.size() - 1).workflow());
        }
    }

    @Test
    void newAndChangedExceptionsShowAfterTheFirstLook() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            new ExceptionSeeder(db).seed(500, 3, Instant.now());
            ExceptionBrowser b = new ExceptionBrowser(db);
            long open = b.count(Filter.unresolved());
            long id = db.exceptions().report(report(ExceptionClass.AUTH, "lead-to-project", "hubspot", "D-77",
                    "HubSpot refused the token."));
            assertTrue(id > 500, "a new exception gets an id after the seeded ones, not " + id);
            assertEquals(open + 1, b.count(Filter.unresolved()));
            assertEquals(id, b.page(Filter.unresolved(), Sort.newestFirst(), 0, 1).get(0).id());
            db.exceptions().resolve(id, "tester", "token renewed");
            assertEquals(open, b.count(Filter.unresolved()));
            assertEquals(1, b.count(Filter.all().withStates(Set.of(ExceptionState.RESOLVED)).withText("D-77")));
        }
    }

    @Test
    void assigningWritesHistoryAndAuditAndCanBeFilteredOn() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = db.exceptions().report(report(ExceptionClass.REFERENCE, "time-to-billing", "xero", "TE-1",
                    "No rate."));
            ExceptionBrowser b = new ExceptionBrowser(db);
            assertEquals(1, b.count(Filter.all().withAssignee(ExceptionBrowser.UNASSIGNED)));
            b.assign(id, "dara.walsh", "rate card update pending with finance", "anna.keller");
            assertEquals(0, b.count(Filter.all().withAssignee(ExceptionBrowser.UNASSIGNED)));
            Row row = b.page(Filter.all().withAssignee("dara.walsh"), Sort.newestFirst(), 0, 10).get(0);
            assertEquals("rate card update pending with finance", row.note());
            assertEquals(List.of("dara.walsh"), b.filterValues().assignees());
            StoredException stored = db.exceptions().get(id).orElseThrow();
            StoredException.HistoryEntry last = stored.history().get(stored.history().size() - 1);
            assertEquals("assign", last.action());
            assertEquals("anna.keller", last.actor());
            assertEquals(ExceptionState.OPEN, last.toState());
            assertTrue(last.note().contains("dara.walsh"), last.note());
            AuditTrail.Verification v = db.audit().verify();
            assertTrue(v.intact(), v.describe());
            assertEquals(1, v.entriesChecked());
            b.assign(id, "dara.walsh", "finance confirmed", "dara.walsh");
            assertEquals("note", db.exceptions().get(id).orElseThrow().history().get(2).action());
        }
    }

    @Test
    void badRequestsAreRefusedWithAClearMessage() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ExceptionBrowser b = new ExceptionBrowser(db);
            IllegalArgumentException offset = assertThrows(IllegalArgumentException.class,
                    () -> b.page(Filter.all(), Sort.newestFirst(), -1, 10));
            assertTrue(offset.getMessage().contains("offset -1"), offset.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.page(Filter.all(), Sort.newestFirst(), 0, 0));
            StoreException missing = assertThrows(StoreException.class, () -> b.assign(99, "x", "y", "z"));
            assertTrue(missing.getMessage().contains("no exception 99"), missing.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.assign(1, "x", "y", " "));
            assertThrows(IllegalArgumentException.class, () -> new ExceptionSeeder(db).seed(-1, 1, Instant.now()));
        }
    }

    @Test
    void seededExceptionsLookLikeTheEnginesOwn() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(4000, new ExceptionSeeder(db).seed(4000, 9, Instant.now()));
            ExceptionBrowser b = new ExceptionBrowser(db);
            assertEquals(List.of("change-to-forecast", "customer-master-sync", "lead-to-project", "time-to-billing"),
                    b.filterValues().workflows());
            assertEquals(List.of("hubspot", "xero", "xero-projects"), b.filterValues().systems());
            for (ExceptionState s : ExceptionState.values()) {
                assertTrue(b.count(Filter.all().withStates(Set.of(s))) > 0, "some " + s);
            }
            List<ExceptionBrowser.RootCause> causes = b.rootCauses(Filter.all(), 100);
            assertEquals(12, causes.size(), "4,000 failures read as a dozen problems");
            StoredException one = db.exceptions().get(b.page(Filter.all().withWorkflow("lead-to-project"),
                    Sort.newestFirst(), 0, 1).get(0).id()).orElseThrow();
            assertTrue(one.payloadSize() > 200 && one.payloadSize() < 500, "payload of " + one.payloadSize());
            assertEquals("created", one.history().get(0).action());
        }
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(created_at) > DATEADD(DAY, -91, CURRENT_TIMESTAMP),"
                        + " MIN(created_at) < DATEADD(DAY, -85, CURRENT_TIMESTAMP) FROM exceptions")) {
            rs.next();
            assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "ages spread over 90 days");
        }
    }
}
