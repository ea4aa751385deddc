package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.cents;
import static io.crossbill.reconcile.tests.Fixture.entry;
import static io.crossbill.reconcile.tests.Fixture.jan;
import static io.crossbill.reconcile.tests.Fixture.line;
import static io.crossbill.reconcile.tests.Fixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Match;
import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line with nothing behind it, unbilled entries that explain it, and the analyst's answer. */
class SuggestionTest {

    /** Two unbilled entries worth 150 + 75 and a time line of 225.00 the ledger did not link. */
    private static ReconciliationInput period() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("e1", "P1", "2026-01-05", 60, "150"));
        b.addEntry(entry("e2", "P1", "2026-01-06", 30, "150"));
        b.addEntry(entry("x1", "P2", "2026-01-06", 30, "150")); // another project: never part of it
        b.addLine(line("L1", "P1", "225.00"));
        return b.build();
    }

    @Test
    void suggestedThenConfirmed() {
        Reconciler reconciler = new Reconciler();
        ReconciliationResult first = reconciler.reconcile(period());
        assertEquals(1, first.suggestions().size());
        Match s = first.suggestions().get(0);
        assertEquals("amount", s.basis());
        assertEquals(List.of("L1"), s.lineRefs());
        assertEquals(List.of("e1", "e2"), s.entryIds());
        assertEquals(cents("225"), cents(s.delivered()));
        ReconciliationBreak without = only(first, BreakType.INVOICE_WITHOUT_DELIVERY);
        assertEquals(s.id(), without.suggestionId());
        List<ReconciliationBreak> unbilled = first.breaks(BreakType.UNBILLED_ENTRY);
        assertEquals(2, unbilled.size());
        assertEquals(s.id(), unbilled.stream().filter(u -> u.projectId().equals("P1")).findFirst().orElseThrow()
                .suggestionId());

        ReconciliationResult second = reconciler.reconcile(period(), List.of(s.confirm()));
        assertEquals(List.of(), second.breaks(BreakType.INVOICE_WITHOUT_DELIVERY));
        assertEquals(List.of("P2"), second.breaks(BreakType.UNBILLED_ENTRY).stream()
                .map(ReconciliationBreak::projectId).toList());
        Match confirmed = second.matches().stream().filter(m -> m.kind() == Match.Kind.CONFIRMED).findFirst()
                .orElseThrow();
        assertEquals(s.id(), confirmed.id());
        assertEquals(List.of("e1", "e2"), confirmed.entryIds());
        assertEquals(0, second.suggestions().size());
        assertEquals(cents("0"), cents(second.projectTotals().get(0).unbilled()));
    }

    @Test
    void suggestedThenRejected() {
        Reconciler reconciler = new Reconciler();
        Match s = reconciler.reconcile(period()).suggestions().get(0);
        ReconciliationResult second = reconciler.reconcile(period(), List.of(MatchDecision.reject(s.id())));
        assertEquals(0, second.suggestions().size());
        assertEquals(1, second.rejectedSuggestions());
        ReconciliationBreak without = only(second, BreakType.INVOICE_WITHOUT_DELIVERY);
        assertNull(without.suggestionId());
        assertEquals(2, second.breaks(BreakType.UNBILLED_ENTRY).size());
    }

    @Test
    void suggestedOnHoursWhenTheAmountDiffers() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("e1", "P1", "2026-01-05", 90, "150"));
        b.addEntry(entry("e2", "P1", "2026-01-06", 60, "150"));
        b.addLine(new InvoiceLine("i", "INV-9", "C1", "P1", "L1", InvoiceLine.Kind.TIME, null, new BigDecimal("2.50"),
                new BigDecimal("140"), new BigDecimal("350.00"), "NZD", LocalDate.of(2026, 1, 30),
                InvoiceLine.Status.AUTHORISED, List.of()));
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        Match s = r.suggestions().get(0);
        assertEquals("hours", s.basis());
        ReconciliationResult confirmed = new Reconciler().reconcile(rebuildHours(), List.of(s.confirm()));
        ReconciliationBreak under = only(confirmed, BreakType.TIME_UNDERBILLED);
        assertEquals(cents(new BigDecimal("350.00").subtract(new BigDecimal("375.00"))), cents(under.variance()));
    }

    private static ReconciliationInput rebuildHours() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("e1", "P1", "2026-01-05", 90, "150"));
        b.addEntry(entry("e2", "P1", "2026-01-06", 60, "150"));
        b.addLine(new InvoiceLine("i", "INV-9", "C1", "P1", "L1", InvoiceLine.Kind.TIME, null, new BigDecimal("2.50"),
                new BigDecimal("140"), new BigDecimal("350.00"), "NZD", LocalDate.of(2026, 1, 30),
                InvoiceLine.Status.AUTHORISED, List.of()));
        return b.build();
    }

    @Test
    void aChangedSetAsksAgain() {
        Reconciler reconciler = new Reconciler();
        Match s = reconciler.reconcile(period()).suggestions().get(0);
        ReconciliationInput.Builder b = jan();
        b.addEntry(entry("e1", "P1", "2026-01-05", 60, "150"));
        b.addEntry(entry("e3", "P1", "2026-01-06", 30, "150")); // a different entry worth the same
        b.addLine(line("L1", "P1", "225.00"));
        ReconciliationResult r = reconciler.reconcile(b.build(), List.of(s.confirm()));
        assertEquals(1, r.suggestions().size());
        assertNotEquals(s.id(), r.suggestions().get(0).id());
        assertEquals(1, r.breaks(BreakType.INVOICE_WITHOUT_DELIVERY).size());
    }
}
