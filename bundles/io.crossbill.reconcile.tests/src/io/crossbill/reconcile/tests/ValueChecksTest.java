package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.cents;
import static io.crossbill.reconcile.tests.Fixture.jan;
import static io.crossbill.reconcile.tests.Fixture.line;
import static io.crossbill.reconcile.tests.Fixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.Contract;
import io.crossbill.reconcile.CustomerRecord;
import io.crossbill.reconcile.CustomerRecord.Source;
import io.crossbill.reconcile.ExceptionLink;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Match;
import io.crossbill.reconcile.Milestone;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Milestones, lines without delivery, contract values, master data and links to exceptions. */
class ValueChecksTest {

    private static Milestone milestone(String id, String amount, boolean completed, String completedAt, String ref) {
        return new Milestone(id, "P1", "C1", "Phase " + id, new BigDecimal(amount), "NZD", completed,
                completedAt == null ? null : Instant.parse(completedAt), ref);
    }

    private static InvoiceLine milestoneLine(String ref, String milestoneId, String amount) {
        return new InvoiceLine("inv-" + ref, "INV-" + ref, "C1", "P1", ref, InvoiceLine.Kind.MILESTONE, milestoneId,
                BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount), "NZD", LocalDate.of(2026, 1, 28),
                InvoiceLine.Status.AUTHORISED, List.of());
    }

    @Test
    void milestones() {
        ReconciliationInput.Builder b = jan();
        b.addMilestone(milestone("M1", "5000.00", true, "2026-01-15T00:00:00Z", null)); // not invoiced
        b.addMilestone(milestone("M2", "2500.00", false, null, null)); // invoiced, not complete
        b.addLine(milestoneLine("L2", "M2", "2500.00"));
        b.addMilestone(milestone("M3", "3000.00", true, "2026-01-10T00:00:00Z", "L3")); // billed in two parts
        b.addLine(milestoneLine("L3", null, "1500.00"));
        b.addLine(milestoneLine("L3b", "M3", "1400.00"));
        b.addMilestone(milestone("M4", "1000.00", true, "2026-02-03T00:00:00Z", null)); // done after the close
        b.addMilestone(milestone("M5", "800.00", true, null, null)); // billed exactly
        b.addLine(milestoneLine("L5", "M5", "800.00"));
        b.addMilestone(milestone("M6", "900.00", true, null, "L-OLD")); // billed in an earlier period
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        ReconciliationBreak notInvoiced = only(r, BreakType.MILESTONE_NOT_INVOICED);
        assertEquals(List.of("M1"), notInvoiced.milestoneIds());
        assertEquals(cents("5000"), cents(notInvoiced.expected()));
        assertEquals(cents("-5000"), cents(notInvoiced.variance()));

        ReconciliationBreak notComplete = only(r, BreakType.MILESTONE_INVOICED_NOT_COMPLETE);
        assertEquals(List.of("M2"), notComplete.milestoneIds());
        assertEquals(List.of("L2"), notComplete.lineRefs());
        assertEquals(cents("2500"), cents(notComplete.variance()));

        ReconciliationBreak amount = only(r, BreakType.MILESTONE_AMOUNT_MISMATCH);
        assertEquals(List.of("M3"), amount.milestoneIds());
        assertEquals(List.of("L3", "L3b"), amount.lineRefs());
        assertEquals(cents(new BigDecimal("1500.00").add(new BigDecimal("1400.00")).subtract(
                new BigDecimal("3000.00"))), cents(amount.variance()));

        assertEquals(3, r.breaks().size(), r.breaks().toString());
        Match exact = r.matches().stream().filter(m -> "M5".equals(m.milestoneId())).findFirst().orElseThrow();
        assertEquals(Match.Kind.EXACT, exact.kind());
        assertEquals(cents("5000"), cents(r.kpis().unbilledValueByCurrency().get("NZD")));
        assertEquals(3, r.kpis().invoiceLinesWithBreak(), "L2, L3, L3b; L5 is fine");
        assertEquals(4, r.kpis().invoiceLines());
    }

    @Test
    void invoiceLinesWithoutDelivery() {
        ReconciliationInput.Builder b = jan();
        b.addLine(new InvoiceLine("i1", "INV-1", "C1", "P1", "L1", InvoiceLine.Kind.OTHER, null, null, null,
                new BigDecimal("750.00"), "NZD", LocalDate.of(2026, 1, 12), InvoiceLine.Status.PAID, List.of()));
        b.addLine(milestoneLine("L2", "M-GONE", "1200.00"));
        b.addLine(line("L3", "P1", "99.00", "NZD", List.of("e-unknown")));
        // dated in February and behind nothing: not this period's business
        b.addLine(new InvoiceLine("i4", "INV-4", "C1", "P1", "L4", InvoiceLine.Kind.OTHER, null, null, null,
                new BigDecimal("10.00"), "NZD", LocalDate.of(2026, 2, 2), InvoiceLine.Status.DRAFT, List.of()));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        List<ReconciliationBreak> without = r.breaks(BreakType.INVOICE_WITHOUT_DELIVERY);
        assertEquals(3, without.size(), without.toString());
        assertEquals(List.of("L2", "L1", "L3"), without.stream().map(x -> x.lineRefs().get(0)).toList(),
                "largest first");
        assertEquals(cents("1200"), cents(without.get(0).actual()));
        assertEquals(cents("1200"), cents(without.get(0).variance()));
        assertTrue(without.get(0).detail().contains("M-GONE"), without.get(0).detail());
        assertTrue(without.get(2).detail().contains("1 listed id"), without.get(2).detail());
        assertEquals(1, r.linesOutOfPeriod());
    }

    @Test
    void contractValues() {
        ReconciliationInput.Builder b = jan();
        b.addContract(new Contract("P1", "C1", "D1", new BigDecimal("10000.00"), new BigDecimal("9000.00"),
                new BigDecimal("12000.00"), "NZD", Contract.BillingMethod.FIXED_FEE));
        b.addContract(new Contract("P2", "C1", "D2", new BigDecimal("5000.00"), new BigDecimal("5000.004"),
                new BigDecimal("4000.00"), "NZD", Contract.BillingMethod.TIME_AND_MATERIALS));
        b.addContract(new Contract("P3", "C1", "D3", new BigDecimal("800.00"), null, null, "NZD",
                Contract.BillingMethod.TIME_AND_MATERIALS));
        b.addLine(line("L1", "P3", "900.00")); // billed in the period beyond the deal's value
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        List<ReconciliationBreak> cv = r.breaks(BreakType.CONTRACT_VALUE_MISMATCH);
        Map<String, ReconciliationBreak> byKey = new LinkedHashMap<>();
        cv.forEach(x -> byKey.put(x.projectId() + "/" + x.field(), x));
        assertEquals(List.of("P1/billed_to_date", "P1/psa_budget", "P3/billed_to_date", "P3/psa_budget"),
                byKey.keySet().stream().sorted().toList());
        ReconciliationBreak budget = byKey.get("P1/psa_budget");
        assertEquals(cents("-1000"), cents(budget.variance()));
        assertEquals(Map.of("crm_value", "10000.00", "psa_budget", "9000.00", "erp_billed_to_date", "12000.00"),
                budget.values());
        assertEquals(cents("2000"), cents(byKey.get("P1/billed_to_date").variance()));
        assertNull(byKey.get("P3/psa_budget").actual());
        assertEquals(cents("100"), cents(byKey.get("P3/billed_to_date").variance()));
        assertEquals("900.00", byKey.get("P3/billed_to_date").values().get("erp_billed_in_period"));
        assertEquals(1, r.withinTolerance().size(), "P2's budget is off by 0.004");
        assertEquals("P2", r.withinTolerance().get(0).projectId());
    }

    @Test
    void customerMasterData() {
        ReconciliationInput.Builder b = jan();
        b.addCustomer(new CustomerRecord(Source.ERP, "C1", "Kea Consulting Ltd", "123-456-789", "NZ", "NZD",
                "1 Queen St", "Auckland", "1010", "ap@kea.co.nz"));
        b.addCustomer(new CustomerRecord(Source.CRM, "C1", "Kea Consulting", "123 456 789", "nz", "NZD",
                "1 Queen St", "Auckland", "1010", "AP@kea.co.nz"));
        b.addCustomer(new CustomerRecord(Source.PSA, "C1", "Kea Consulting Ltd", "123456789", "NZ", "NZD",
                "1  Queen St ", "Auckland", "1010", "ap@kea.co.nz"));
        b.addCustomer(new CustomerRecord(Source.ERP, "C2", "Tui Ltd", null, "NZ", "NZD", null, null, null, null));
        b.addCustomer(new CustomerRecord(Source.CRM, "C2", "Tui Ltd", null, "AU", "NZD", null, null, null, null));
        // held twice by the ERP: a break; not held by the CRM and PSA at all: not one
        b.addCustomer(new CustomerRecord(Source.ERP, "C3", "Ruru Ltd", null, "NZ", "NZD", null, null, null, null));
        b.addCustomer(new CustomerRecord(Source.ERP, "C3", "Ruru Limited", null, "NZ", "NZD", null, null, null, null));
        ReconciliationResult r = new Reconciler().reconcile(b.build());

        List<ReconciliationBreak> md = r.breaks(BreakType.MASTER_DATA_MISMATCH);
        List<String> found = md.stream().map(x -> x.customerId() + "/" + x.field()).sorted().toList();
        assertEquals(List.of("C1/name", "C2/country", "C3/record"), found,
                "format-only differences, fields a system does not hold and systems without the customer are not breaks");
        ReconciliationBreak name = md.stream().filter(x -> "name".equals(x.field())).findFirst().orElseThrow();
        assertEquals(List.of("crm", "psa", "erp"), List.copyOf(name.values().keySet()));
        assertEquals("Kea Consulting", name.values().get("crm"));
        assertEquals("Kea Consulting Ltd", name.values().get("erp"));
        ReconciliationBreak presence = md.stream().filter(x -> "record".equals(x.field())).findFirst().orElseThrow();
        assertEquals("2 records", presence.values().get("erp"));
        assertEquals("missing", presence.values().get("psa"));
        assertNull(presence.expected());
    }

    @Test
    void breaksLinkToExceptionsAboutTheirKeys() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(Fixture.billed("e1", "P1", "2026-01-05", 60, "100", "L1"));
        b.addLine(line("L1", "P1", "120.00"));
        b.addEntry(Fixture.entry("e2", "P2", "2026-01-05", 60, "100"));
        b.addException(new ExceptionLink("INV-L1", 41, "REJECTED", "OPEN"));
        b.addException(new ExceptionLink("e2", 42, "POLICY", "OPEN"));
        b.addException(new ExceptionLink("P2", 43, "REFERENCE", "RESOLVED"));
        b.addException(new ExceptionLink("P9", 44, "REFERENCE", "OPEN"));
        ReconciliationResult r = new Reconciler().reconcile(b.build());
        assertEquals(List.of(41L), only(r, BreakType.TIME_OVERBILLED).exceptionIds());
        assertEquals(List.of(42L, 43L), only(r, BreakType.UNBILLED_ENTRY).exceptionIds());
    }
}
