package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionBrowser.Filter;
import io.crossbill.store.ExceptionBrowser.Row;
import io.crossbill.store.ExceptionBrowser.Sort;
import io.crossbill.store.ExceptionBrowser.SortColumn;
import io.crossbill.store.ExceptionSeeder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue browser answers from the database until its in-memory index is loaded, then from the index:
 * both must give the same counts, rows and orders, or the table would jump when the load finishes.
 */
class ExceptionBrowserLoadTest {

    @TempDir
    Path workspace;

    private static ExceptionReport report(String key) {
        return new ExceptionReport(ExceptionClass.REFERENCE, "time-to-billing", "map", "xero", "TimeEntry", key, null,
                "{}".getBytes(StandardCharsets.UTF_8), null, "No bill rate for " + key + ".", "Fix it.", "raw", 1);
    }

    private static ExceptionBrowser loaded(EngineDatabase db) throws Exception {
        ExceptionBrowser b = new ExceptionBrowser(db);
        b.indexReady().get(60, TimeUnit.SECONDS);
        assertTrue(b.indexLoaded());
        return b;
    }

    @Test
    void theDatabaseAndTheIndexAnswerAlikeForEveryFilterAndSort() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Instant now = Instant.now();
            new ExceptionSeeder(db).seed(1200, 5, now);
            ExceptionBrowser fromDb = new ExceptionBrowser(db, false);
            ExceptionBrowser fromIndex = loaded(db);
            assertFalse(fromDb.indexLoaded());
            Filter all = Filter.all();
            List<Filter> filters = List.of(all, Filter.unresolved(), all.withWorkflow("lead-to-project"),
                    all.withClass(ExceptionClass.REFERENCE), all.withSystem("hubspot"),
                    all.withStates(EnumSet.of(ExceptionState.DEAD, ExceptionState.RETRYING)),
                    all.withAge(ExceptionBrowser.Age.LAST_WEEK), all.withAge(ExceptionBrowser.Age.OLDER_THAN_60_DAYS),
                    all.withAssignee("chen.li"), all.withAssignee(ExceptionBrowser.UNASSIGNED), all.withText("closed"),
                    all.withText("te-1"), all.withText("50%_\\"), all.withWorkflow("no-such-workflow"),
                    Filter.unresolved().withRootCause(ExceptionClass.VALIDATION,
                            "Time entry TE-# has # hours on #; a person cannot book more than # hours a day."));
            for (Filter f : filters) {
                assertEquals(fromIndex.count(f, now), fromDb.count(f, now), f.toString());
                assertEquals(fromIndex.page(f, Sort.newestFirst(), 0, 1200, now), fromDb.page(f, Sort.newestFirst(),
                        0, 1200, now), f.toString());
                if (f.age() == ExceptionBrowser.Age.ANY) { // root causes measure age from their own "now"
                    assertEquals(fromIndex.rootCauses(f, 20), fromDb.rootCauses(f, 20), f.toString());
                }
            }
            assertTrue(fromDb.count(filters.get(14), now) > 0, "the root-cause filter names a real group");
            for (SortColumn c : SortColumn.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    Sort s = new Sort(c, ascending);
                    for (Filter f : List.of(all, Filter.unresolved().withSystem("xero"))) {
                        List<Row> expected = fromIndex.page(f, s, 0, 1200, now);
                        assertEquals(expected, fromDb.page(f, s, 0, 1200, now), s + " " + f);
                        int from = expected.size() / 3;
                        assertEquals(expected.subList(from, Math.min(expected.size(), from + 100)),
                                fromDb.page(f, s, from, 100, now), "a page of " + s);
                        assertEquals(fromIndex.ids(f, s, 300), fromDb.ids(f, s, 300), s.toString());
                    }
                }
            }
            assertEquals(fromIndex.filterValues(), fromDb.filterValues());
        }
    }

    @Test
    void businessKeyOrderTakesInNewExceptionsWithoutLosingItsPlace() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            String prefix = "CUSTOMER-ACCOUNT-LONG-PREFIX-";
            for (int i = 0; i < 40; i++) {
                db.exceptions().report(report(prefix + (1000 - i * 7)));
                db.exceptions().report(report(i % 2 == 0 ? "te-" + i : "TE-" + i));
            }
            db.exceptions().report(report(null));
            ExceptionBrowser b = loaded(db);
            ExceptionBrowser fromDb = new ExceptionBrowser(db, false);
            Sort byKey = new Sort(SortColumn.BUSINESS_KEY, true);
            assertKeyOrder(b.page(Filter.all(), byKey, 0, 1000));
            // newcomers that belong at the start, inside the shared prefix, and at the end
            for (String key : List.of("AAA-1", prefix + "0500", prefix + "0500", "zzz", "Te-15", "")) {
                db.exceptions().report(report(key));
            }
            List<Row> after = b.page(Filter.all(), byKey, 0, 1000);
            assertEquals(87, after.size());
            assertKeyOrder(after);
            assertEquals(after, fromDb.page(Filter.all(), byKey, 0, 1000));
            assertEquals(b.page(Filter.all(), new Sort(SortColumn.BUSINESS_KEY, false), 0, 1000),
                    fromDb.page(Filter.all(), new Sort(SortColumn.BUSINESS_KEY, false), 0, 1000));
            assertEquals(null, after.get(0).businessKey(), "no key sorts first");
            assertEquals("zzz", after.get(after.size() - 1).businessKey());
        }
    }

    private static void assertKeyOrder(List<Row> rows) {
        for (int i = 1; i < rows.size(); i++) {
            String a = key(rows.get(i - 1));
            String b = key(rows.get(i));
            assertTrue(a.compareTo(b) < 0 || (a.equals(b) && rows.get(i - 1).id() < rows.get(i).id()),
                    "key order at " + i + ": " + a + " then " + b);
        }
    }

    private static String key(Row r) {
        return r.businessKey() == null ? "" : r.businessKey().toLowerCase(Locale.ROOT);
    }
}
