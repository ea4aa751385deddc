package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.line;
import static io.crossbill.reconcile.tests.Fixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.CustomerRecord;
import io.crossbill.reconcile.Milestone;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationPeriod;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which period an entry belongs to, and break ids that stay the same from run to run. */
class PeriodAndIdsTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private static TimeEntry at(String id, String instant) {
        return new TimeEntry(id, "P1", "C1", "ana", Instant.parse(instant), 60, true, true, null,
                new BigDecimal("100"), "NZD", null, null);
    }

    @Test
    void theLastEveningOfTheMonthInUtcIsTheNextMonthInAuckland() {
        TimeEntry late = at("late", "2026-01-31T23:30:00Z"); // 1 Feb 12:30 in Auckland (NZDT, +13)
        TimeEntry early = at("early", "2025-12-31T12:30:00Z"); // 1 Jan 01:30 in Auckland

        ReconciliationInput.Builder utc = ReconciliationInput.builder(ReconciliationPeriod.of(YearMonth.of(2026, 1)));
        assertTrue(utc.addEntry(late));
        ReconciliationResult inUtc = new Reconciler().reconcile(utc.build());
        assertEquals(List.of("late"), only(inUtc, BreakType.UNBILLED_ENTRY).entryIds());

        ReconciliationPeriod janAkl = ReconciliationPeriod.of(YearMonth.of(2026, 1), AUCKLAND);
        assertEquals(Instant.parse("2026-01-31T11:00:00Z"), janAkl.closeAt());
        ReconciliationInput.Builder akl = ReconciliationInput.builder(janAkl);
        assertFalse(akl.addEntry(late), "falls in February in Auckland");
        assertTrue(akl.addEntry(early));
        ReconciliationResult inAkl = new Reconciler().reconcile(akl.build());
        assertEquals(1, inAkl.entriesAfterPeriod());
        assertEquals(List.of("early"), only(inAkl, BreakType.UNBILLED_ENTRY).entryIds());
        assertEquals(java.time.LocalDate.of(2026, 1, 1), inAkl.entry("early").date());

        ReconciliationInput.Builder febAkl = ReconciliationInput.builder(ReconciliationPeriod.of(YearMonth.of(2026, 2),
                AUCKLAND));
        assertTrue(febAkl.addEntry(late));
        ReconciliationResult feb = new Reconciler().reconcile(febAkl.build());
        ReconciliationBreak u = only(feb, BreakType.UNBILLED_ENTRY);
        assertEquals(28, u.oldestAgeDays(), "1 Feb to the close on 1 Mar");
    }

    @Test
    void periodTextIsChecked() {
        assertEquals("2026-01", ReconciliationPeriod.parse("2026-01", null).key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReconciliationPeriod.parse("2026-13", null));
        assertTrue(e.getMessage().contains("'2026-13'") && e.getMessage().contains("YYYY-MM"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReconciliationPeriod.parse("2026-01", "Mars/Base"));
        assertTrue(e.getMessage().contains("Mars/Base"), e.getMessage());
    }

    /** Every kind of break, the records added in a given order. */
    private static ReconciliationInput sample(boolean shuffled, YearMonth month) {
        List<Consumer<ReconciliationInput.Builder>> adds = new ArrayList<>();
        String d = month + "-05";
        adds.add(b -> b.addEntry(Fixture.entry("e1", "P1", "C1", d, 60, "100", "NZD", "L1")));
        adds.add(b -> b.addEntry(Fixture.entry("e2", "P1", "C1", d, 90, "100", "NZD", null)));
        adds.add(b -> b.addEntry(Fixture.entry("e3", "P2", "C2", d, 90, "100", "NZD", "L1")));
        adds.add(b -> b.addEntry(Fixture.entry("e4", "P2", "C2", d, 30, "100", "AUD", null)));
        adds.add(b -> b.addLine(line("L1", "P1", "140.00")));
        adds.add(b -> b.addLine(line("L2", "P1", "50.00")));
        adds.add(b -> b.addMilestone(new Milestone("M1", "P1", "C1", "Go live", new BigDecimal("500"), "NZD", true,
                null, null)));
        adds.add(b -> b.addCustomer(new CustomerRecord(CustomerRecord.Source.CRM, "C1", "Kea", null, "NZ", "NZD",
                null, null, null, null)));
        adds.add(b -> b.addCustomer(new CustomerRecord(CustomerRecord.Source.ERP, "C1", "Kea Ltd", null, "NZ", "NZD",
                null, null, null, null)));
        if (shuffled) {
            Collections.shuffle(adds, new Random(7));
        }
        ReconciliationInput.Builder b = ReconciliationInput.builder(ReconciliationPeriod.of(month));
        adds.forEach(a -> a.accept(b));
        return b.build();
    }

    @Test
    void breakIdsAreStableAcrossRunsAndInputOrder() {
        YearMonth jan = YearMonth.of(2026, 1);
        ReconciliationResult one = new Reconciler().reconcile(sample(false, jan));
        ReconciliationResult two = new Reconciler().reconcile(sample(true, jan));
        assertTrue(one.breaks().size() >= 6, one.breaks().toString());
        assertEquals(ids(one), ids(two));
        for (ReconciliationBreak b : one.breaks()) {
            ReconciliationBreak same = two.breakById(b.id());
            assertEquals(b.type(), same.type());
            assertEquals(0, b.size().compareTo(same.size()));
        }
        assertEquals(one.matches().stream().map(m -> m.id()).sorted().toList(),
                two.matches().stream().map(m -> m.id()).sorted().toList());
        ReconciliationResult feb = new Reconciler().reconcile(sample(false, YearMonth.of(2026, 2)));
        assertTrue(Collections.disjoint(ids(one), ids(feb)), "another period, other breaks");
        assertNotEquals(List.of(), ids(one));
    }

    private static List<String> ids(ReconciliationResult r) {
        return r.breaks().stream().map(ReconciliationBreak::id).sorted().toList();
    }
}
