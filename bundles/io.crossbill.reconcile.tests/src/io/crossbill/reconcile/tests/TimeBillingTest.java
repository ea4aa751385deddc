package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.billed;
import static io.crossbill.reconcile.tests.Fixture.cents;
import static io.crossbill.reconcile.tests.Fixture.entry;
import static io.crossbill.reconcile.tests.Fixture.jan;
import static io.crossbill.reconcile.tests.Fixture.line;
import static io.crossbill.reconcile.tests.Fixture.only;
import static io.crossbill.reconcile.tests.Fixture.worth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.EntryView;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Match;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.TimeEntry;
import io.crossbill.reconcile.ToleranceRules;
import io.crossbill.reconcile.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivered time against billed time, unbilled work, tolerance and the one-to-many ledger link. */
class TimeBillingTest {

    @Test
    void underAndOverBillingPerProjectToTheCent() {
        ReconciliationInput.Builder b = jan();
        // P1: 90 min at 150 and 40 min at 137.50, billed together for 300.00
        b.addEntry(billed("e1", "P1", "2026-01-05", 90, "150", "L1"));
        b.addEntry(billed("e2", "P1", "2026-01-06", 40, "137.50", "L1"));
        b.addLine(line("L1", "P1", "300.00"));
        // P2: 3 h at 150 billed for 500.00
        b.addEntry(billed("e3", "P2", "2026-01-07", 180, "150", "L2"));
        b.addLine(line("L2", "P2", "500.00"));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        BigDecimal p1Worth = worth(90, "150").add(worth(40, "137.50"));
        ReconciliationBreak under = only(r, BreakType.TIME_UNDERBILLED);
        assertEquals("P1", under.projectId());
        assertEquals("C1", under.customerId());
        assertEquals("NZD", under.currency());
        assertEquals(cents(p1Worth), cents(under.expected()));
        assertEquals(cents("300.00"), cents(under.actual()));
        assertEquals(cents(new BigDecimal("300.00").subtract(p1Worth)), cents(under.variance()));
        assertEquals(cents("-16.67"), cents(under.variance()));
        assertEquals(List.of("L1"), under.lineRefs());
        assertEquals(List.of("e1", "e2"), under.entryIds());
        assertEquals(new BigDecimal("2.1667"), under.hours());

        ReconciliationBreak over = only(r, BreakType.TIME_OVERBILLED);
        assertEquals(cents(worth(180, "150")), cents(over.expected()));
        assertEquals(cents("50.00"), cents(over.variance()));
        assertTrue(r.breaks().indexOf(under) < r.breaks().indexOf(over), "listed by type");

        Match m1 = r.matches().stream().filter(m -> m.lineRefs().equals(List.of("L1"))).findFirst().orElseThrow();
        assertEquals(Match.Kind.VARIANCE, m1.kind());
        assertEquals(2, r.kpis().invoiceLinesWithBreak());
        assertEquals(new BigDecimal("0.0000"), r.kpis().invoiceAccuracy());
    }

    @Test
    void toleranceBoundaryHalfACent() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 60, "100", "L1"));
        b.addLine(line("L1", "P1", "100.004"));
        b.addEntry(billed("e2", "P2", "2026-01-05", 60, "100", "L2"));
        b.addLine(line("L2", "P2", "100.006"));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        assertEquals(1, r.breaks().size(), r.breaks().toString());
        ReconciliationBreak over = only(r, BreakType.TIME_OVERBILLED);
        assertEquals("P2", over.projectId());
        assertEquals(0, new BigDecimal("0.006").compareTo(over.variance()));
        assertEquals(1, r.withinTolerance().size());
        ReconciliationBreak kept = r.withinTolerance().get(0);
        assertEquals("P1", kept.projectId());
        assertTrue(kept.withinTolerance());
        assertEquals(0, new BigDecimal("0.004").compareTo(kept.variance()));
        assertEquals("|variance| <= 0.005 NZD", kept.toleranceRule());
        assertEquals(Match.Kind.WITHIN_TOLERANCE, r.matches().stream()
                .filter(m -> m.lineRefs().equals(List.of("L1"))).findFirst().orElseThrow().kind());

        // a wider, configured rule forgives the second one too
        ReconciliationResult wide = new Reconciler(ToleranceRules.defaults().withAbsolute("NZD",
                new BigDecimal("0.01"))).reconcile(rebuild());
        assertEquals(0, wide.breaks().size());
        assertEquals(2, wide.withinTolerance().size());
    }

    private static ReconciliationInput rebuild() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 60, "100", "L1"));
        b.addLine(line("L1", "P1", "100.004"));
        b.addEntry(billed("e2", "P2", "2026-01-05", 60, "100", "L2"));
        b.addLine(line("L2", "P2", "100.006"));
        return b.build();
    }

    @Test
    void relativeToleranceAndHoursRounding() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 7, "100", "L1")); // 11.666... exact, 12.00 at 0.12 h
        b.addLine(line("L1", "P1", "12.00"));
        ReconciliationInput in = b.build();
        assertEquals(cents(worth(7, "100")), cents(only(new Reconciler().reconcile(in),
                BreakType.TIME_OVERBILLED).expected()));
        ReconciliationResult rounded = new Reconciler(ToleranceRules.defaults().withHoursScale(2)).reconcile(in);
        assertEquals(0, rounded.breaks().size(), "0.12 h x 100 = 12.00");
        assertEquals(Match.Kind.EXACT, rounded.matches().get(0).kind());
        ReconciliationResult relative = new Reconciler(ToleranceRules.defaults().withRelativePercent(
                new BigDecimal("3"))).reconcile(in);
        assertEquals(0, relative.breaks().size(), "0.33 is under 3% of 11.67");
        assertEquals(1, relative.withinTolerance().size());
    }

    @Test
    void oneLineManyEntriesFromTheLedgerEitherWay() {
        ReconciliationInput.Builder b = jan();
        // the line lists its entries; the entries do not name the line
        b.addEntry(entry("e1", "P1", "2026-01-05", 60, "120"));
        b.addEntry(entry("e2", "P1", "2026-01-06", 30, "120"));
        b.addEntry(entry("e3", "P1", "2026-01-07", 45, "120"));
        b.addLine(line("L1", "P1", "270.00", "NZD", List.of("e1", "e2", "e3")));
        // the entries name the line; the line lists nothing
        b.addEntry(billed("e4", "P1", "2026-01-08", 60, "120", "L2"));
        b.addEntry(billed("e5", "P1", "2026-01-09", 60, "120", "L2"));
        b.addLine(line("L2", "P1", "240.00"));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        assertEquals(List.of(), r.breaks());
        assertEquals(2, r.matches().size());
        Match m = r.matches().stream().filter(x -> x.lineRefs().equals(List.of("L1"))).findFirst().orElseThrow();
        assertEquals(Match.Kind.EXACT, m.kind());
        assertEquals("ledger", m.basis());
        assertEquals(List.of("e1", "e2", "e3"), m.entryIds());
        assertEquals(cents(worth(135, "120")), cents(m.delivered()));
        List<EntryView> drill = r.entries(m);
        assertEquals(3, drill.size());
        assertEquals(LocalDate.of(2026, 1, 6), drill.get(1).date());
        assertEquals(cents("60.00"), cents(drill.get(1).value()));
        assertEquals(2, r.matches().stream().filter(x -> x.kind() == Match.Kind.EXACT).count());
        assertEquals(new BigDecimal("1.0000"), r.kpis().invoiceAccuracy());
    }

    @Test
    void anEntryOnTwoLinesIsOverbilled() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 60, "100", "L1"));
        b.addLine(line("L1", "P1", "100.00"));
        b.addLine(line("L2", "P1", "100.00", "NZD", List.of("e1")));
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        ReconciliationBreak over = only(r, BreakType.TIME_OVERBILLED);
        assertEquals(cents("100.00"), cents(over.variance()));
        assertTrue(over.detail().contains("more than one line"), over.detail());
    }

    @Test
    void unbilledWorkWithAgesAtClose() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("e1", "P1", "2026-01-10", 120, "150"));
        b.addEntry(entry("e2", "P1", "2025-12-20", 30, "150")); // from last month, still unbilled
        b.addEntry(entry("e3", "P1", "C1", "2026-01-11", 60, null, "NZD", null)); // no rate
        // not counted: non-billable, not approved, approved only after the close
        b.addEntry(new TimeEntry("n1", "P1", "C1", "ana", Fixture.day("2026-01-12"), 60, false, true, null,
                new BigDecimal("150"), "NZD", null, null));
        b.addEntry(new TimeEntry("n2", "P1", "C1", "ana", Fixture.day("2026-01-12"), 60, true, false, null,
                new BigDecimal("150"), "NZD", null, null));
        b.addEntry(new TimeEntry("n3", "P1", "C1", "ana", Fixture.day("2026-01-31"), 60, true, true,
                Fixture.day("2026-02-02"), new BigDecimal("150"), "NZD", null, null));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        ReconciliationBreak u = only(r, BreakType.UNBILLED_ENTRY);
        BigDecimal value = worth(120, "150").add(worth(30, "150"));
        assertEquals(cents(value), cents(u.expected()));
        assertEquals(cents("0"), cents(u.actual()));
        assertEquals(cents(value.negate()), cents(u.variance()));
        assertEquals(List.of("e1", "e2", "e3"), u.entryIds());
        assertEquals(new BigDecimal("3.5000"), u.hours());
        // close is 2026-02-01: 20 Dec is 43 days before, 10 Jan 22 days
        assertEquals(43, u.oldestAgeDays());
        assertEquals(22, r.entries(u).get(0).ageDays());
        assertNull(r.entries(u).get(2).value());
        assertTrue(u.detail().contains("no rate"), u.detail());
        assertEquals(cents(value), cents(r.kpis().unbilledValueByCurrency().get("NZD")));
        assertEquals(3, r.kpis().unbilledEntries());
        Totals t = r.projectTotals().get(0);
        assertEquals(cents(value), cents(t.unbilled()));
        assertEquals(cents(value), cents(t.delivered()));
        assertEquals(cents("0"), cents(t.billed()));
    }

    @Test
    void nonBillableEntriesNeverCountAsUnbilled() {
        ReconciliationInput.Builder b = jan();
        for (int i = 0; i < 5; i++) {
            b.addEntry(new TimeEntry("nb" + i, "P1", "C1", "ana", Fixture.day("2026-01-1" + i), 480, false, true,
                    Fixture.day("2026-01-20"), new BigDecimal("150"), "NZD", null, null));
        }
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        assertEquals(List.of(), r.breaks());
        assertEquals(0, r.kpis().unbilledEntries());
        assertEquals(java.util.Map.of(), r.kpis().unbilledValueByCurrency());
        // and billing one of them is billing for nothing
        ReconciliationInput.Builder b2 = jan();
        b2.addEntry(new TimeEntry("nb", "P1", "C1", "ana", Fixture.day("2026-01-10"), 60, false, true, null,
                new BigDecimal("150"), "NZD", "L1", null));
        b2.addLine(line("L1", "P1", "150.00"));
        ReconciliationBreak over = only(new Reconciler().reconcile(b2.build()), BreakType.TIME_OVERBILLED);
        assertEquals(cents("150.00"), cents(over.variance()));
        assertTrue(over.detail().contains("not billable"), over.detail());
    }

    @Test
    void twoCurrenciesAreNeverMixed() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("n1", "P1", "C1", "2026-01-05", 60, "100", "NZD", null));
        b.addEntry(entry("a1", "P1", "C1", "2026-01-05", 60, "90", "AUD", null));
        b.addEntry(entry("a2", "P1", "C1", "2026-01-06", 60, "90", "AUD", "L9"));
        b.addLine(line("L9", "P1", "90.00", "NZD", List.of())); // AUD work on an NZD line
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        List<ReconciliationBreak> unbilled = r.breaks(BreakType.UNBILLED_ENTRY);
        assertEquals(2, unbilled.size());
        assertEquals(java.util.Set.of("NZD", "AUD"), java.util.Set.of(unbilled.get(0).currency(),
                unbilled.get(1).currency()));
        for (ReconciliationBreak u : unbilled) {
            assertEquals(cents(u.currency().equals("NZD") ? "100" : "90"), cents(u.expected()));
        }
        ReconciliationBreak cm = only(r, BreakType.CURRENCY_MISMATCH);
        assertEquals("NZD", cm.currency());
        assertNull(cm.expected(), "AUD work is not an NZD amount");
        assertEquals(List.of("a2"), cm.entryIds());
        assertTrue(cm.detail().contains("90.00 AUD"), cm.detail());
        assertEquals(List.of(), r.breaks(BreakType.TIME_OVERBILLED), "the line is not compared across currencies");
        assertEquals(cents("100"), cents(r.kpis().unbilledValueByCurrency().get("NZD")));
        assertEquals(cents("90"), cents(r.kpis().unbilledValueByCurrency().get("AUD")));
        List<Totals> totals = r.projectTotals();
        assertEquals(2, totals.size(), totals.toString());
        Totals aud = totals.get(0);
        assertEquals("AUD", aud.currency());
        assertEquals(cents("180"), cents(aud.delivered()));
        assertEquals(cents("0"), cents(aud.billed()));
        Totals nzd = totals.get(1);
        assertEquals(cents("100"), cents(nzd.delivered()));
        assertEquals(cents("90"), cents(nzd.billed()));
    }

    @Test
    void aVoidedLineIsIgnoredAndItsEntriesAreUnbilledAgain() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 60, "100", "LV"));
        b.addLine(new InvoiceLine("inv", "INV-1", "C1", "P1", "LV", InvoiceLine.Kind.TIME, null, null, null,
                new BigDecimal("100.00"), "NZD", LocalDate.of(2026, 1, 20), InvoiceLine.Status.VOIDED, List.of("e1")));
        b.addLine(new InvoiceLine("inv", "INV-2", "C1", "P1", "LV2", InvoiceLine.Kind.OTHER, null, null, null,
                new BigDecimal("55.00"), "NZD", LocalDate.of(2026, 1, 20), InvoiceLine.Status.VOIDED, List.of()));
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        assertEquals(1, r.breaks().size(), r.breaks().toString());
        ReconciliationBreak u = only(r, BreakType.UNBILLED_ENTRY);
        assertEquals(List.of("e1"), u.entryIds());
        assertEquals(2, r.voidedLines());
        assertEquals(0, r.kpis().invoiceLines());
        assertEquals(cents("0"), cents(r.projectTotals().get(0).billed()));
    }
}
