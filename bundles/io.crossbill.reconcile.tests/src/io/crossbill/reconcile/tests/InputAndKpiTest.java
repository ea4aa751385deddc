package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.billed;
import static io.crossbill.reconcile.tests.Fixture.entry;
import static io.crossbill.reconcile.tests.Fixture.jan;
import static io.crossbill.reconcile.tests.Fixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.ExceptionEvent;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Kpis;
import io.crossbill.reconcile.ProjectSetup;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.TimeEntry;
import io.crossbill.reconcile.ToleranceRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad records are refused by name and nothing else is lost; the KPIs. */
class InputAndKpiTest {

    @Test
    void badRecordsAreRefusedByNameAndTheRestIsKept() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("ok1", "P1", "2026-01-05", 60, "100"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addEntry(
                new TimeEntry("bad-1", "P1", "C1", "ana", Fixture.day("2026-01-05"), -30, true, true, null,
                        new BigDecimal("100"), "NZD", null, null)));
        assertEquals("Time entry 'bad-1' has -30 minutes; a duration is 0 or more.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addEntry(entry("bad-2", "P1", "C1", "2026-01-05", 60,
                "100", "nzd", null)));
        assertTrue(e.getMessage().contains("'bad-2'") && e.getMessage().contains("'nzd'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addEntry(entry("bad-3", "P1", "2026-01-05", 60,
                "100.123456")));
        assertTrue(e.getMessage().contains("'bad-3'") && e.getMessage().contains("4 decimals"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addEntry(entry("ok1", "P1", "2026-01-06", 60,
                "100")));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addLine(new InvoiceLine("i", "INV-7", "C1", "P1",
                "L7", InvoiceLine.Kind.TIME, null, null, null, null, "NZD", LocalDate.of(2026, 1, 3),
                InvoiceLine.Status.PAID, List.of())));
        assertEquals("Invoice line 'L7' of invoice INV-7 lacks its amount.", e.getMessage());
        b.addEntry(entry("ok2", "P1", "2026-01-06", 30, "100"));
        ReconciliationInput in = b.build();
        assertEquals(2, in.entryCount(), "the good ones, and nothing half-added");
        assertEquals(List.of("ok1", "ok2"), new Reconciler().reconcile(in).breaks().get(0).entryIds());
        assertThrows(IllegalStateException.class, () -> b.addEntry(entry("late", "P1", "2026-01-06", 30, "100")));
        e = assertThrows(IllegalArgumentException.class, () -> ToleranceRules.defaults().withAbsolute("NZD",
                new BigDecimal("-1")));
        assertTrue(e.getMessage().contains("NZD"), e.getMessage());
    }

    @Test
    void kpis() {
        ReconciliationInput.Builder b = jan();
        // billing lag: approved 6 Jan, 10 Jan, 20 Jan; invoiced 31 Jan -> 25, 21, 11 days
        b.addEntry(lagged("e1", "2026-01-05", "2026-01-06T10:00:00Z", "L1"));
        b.addEntry(lagged("e2", "2026-01-09", "2026-01-10T10:00:00Z", "L1"));
        b.addEntry(lagged("e3", "2026-01-19", "2026-01-20T10:00:00Z", "L1"));
        b.addLine(line("L1", "P1", "300.00"));
        b.addLine(line("L2", "P1", "80.00")); // nothing behind it: one line of two is wrong
        b.addEntry(entry("u1", "P1", "2026-01-28", 90, "100"));
        b.addProjectSetup(new ProjectSetup("P1", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T06:00:00Z")));
        b.addProjectSetup(new ProjectSetup("P2", Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-03T00:00:00Z")));
        b.addProjectSetup(new ProjectSetup("P3", Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-02T02:30:00Z")));
        b.addProjectSetup(new ProjectSetup("P4", Instant.parse("2026-01-20T00:00:00Z"), null)); // not ready yet
        b.addExceptionEvent(new ExceptionEvent(1, Instant.parse("2026-01-05T00:00:00Z"),
                Instant.parse("2026-01-05T03:00:00Z")));
        b.addExceptionEvent(new ExceptionEvent(2, Instant.parse("2026-01-06T00:00:00Z"), null));
        b.activity(2_000, 30);
        Kpis k = new Reconciler().reconcile(b.build()).kpis();

        // setup hours 6, 24, 2.5: median (nearest rank) 6, p90 24
        assertEquals(new BigDecimal("6.00"), k.setupCycleHoursMedian());
        assertEquals(new BigDecimal("24.00"), k.setupCycleHoursP90());
        assertEquals(3, k.projectsSetUp());
        assertEquals(21L, k.billingLagDaysMedian());
        assertEquals(25L, k.billingLagDaysP90());
        assertEquals(3, k.billedEntries());
        assertEquals(2, k.invoiceLines());
        assertEquals(1, k.invoiceLinesWithBreak());
        assertEquals(new BigDecimal("0.5000"), k.invoiceAccuracy());
        assertEquals(new BigDecimal("0.015000"), k.exceptionRate());
        assertEquals(new BigDecimal("3.00"), k.recoveryHoursMedian());
        assertEquals(1, k.exceptionsResolved());
        assertEquals(new BigDecimal("150.00"), k.unbilledValueByCurrency().get("NZD"));
        assertEquals(new BigDecimal("1.5000"), k.unbilledHours());

        Kpis empty = new Reconciler().reconcile(jan().build()).kpis();
        assertNull(empty.setupCycleHoursMedian());
        assertNull(empty.billingLagDaysMedian());
        assertNull(empty.invoiceAccuracy());
        assertNull(empty.exceptionRate());
    }

    private static TimeEntry lagged(String id, String date, String approvedAt, String lineRef) {
        return new TimeEntry(id, "P1", "C1", "ana", Fixture.day(date), 60, true, true, Instant.parse(approvedAt),
                new BigDecimal("100"), "NZD", lineRef, null);
    }

    @Test
    void entriesBilledOnLinesNotLoadedCountNeitherWay() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("old", "P1", "2025-12-10", 60, "100", "L-DEC"));
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        assertEquals(List.of(), r.breaks());
        assertEquals(1, r.entriesOnUnloadedLines());
        assertEquals(List.of(), r.projectTotals());
    }
}
