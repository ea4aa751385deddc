package io.crossbill.reconcile.tests;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationPeriod;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.TimeEntry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Small hand-built data sets: January 2026 in UTC unless a test says otherwise. */
final class Fixture {

    static final ReconciliationPeriod JAN = ReconciliationPeriod.of(YearMonth.of(2026, 1));

    private Fixture() {
    }

    static ReconciliationInput.Builder jan() {
        return ReconciliationInput.builder(JAN);
    }

    /** 09:00 UTC on a day. */
    static Instant day(String isoDate) {
        return Instant.parse(isoDate + "T09:00:00Z");
    }

    /** An approved, billable NZD entry, approved the next day, on no line. */
    static TimeEntry entry(String id, String project, String date, int minutes, String rate) {
        return entry(id, project, "C1", date, minutes, rate, "NZD", null);
    }

    static TimeEntry entry(String id, String project, String customer, String date, int minutes, String rate,
            String currency, String lineRef) {
        return new TimeEntry(id, project, customer, "ana", day(date), minutes, true, true,
                day(date).plusSeconds(86_400), rate == null ? null : new BigDecimal(rate), currency, lineRef, null);
    }

    static TimeEntry billed(String id, String project, String date, int minutes, String rate, String lineRef) {
        return entry(id, project, "C1", date, minutes, rate, "NZD", lineRef);
    }

    /** A time line, dated 2026-01-31, authorised. */
    static InvoiceLine line(String ref, String project, String amount, String currency, List<String> entryIds) {
        return new InvoiceLine("inv-" + ref, "INV-" + ref, "C1", project, ref, InvoiceLine.Kind.TIME, null, null,
                null, new BigDecimal(amount), currency, LocalDate.of(2026, 1, 31), InvoiceLine.Status.AUTHORISED,
                entryIds);
    }

    static InvoiceLine line(String ref, String project, String amount) {
        return line(ref, project, amount, "NZD", List.of());
    }

    /** hours x rate computed the plain way: minutes / 60 x rate, exact to 10 decimals. */
    static BigDecimal worth(int minutes, String rate) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), MathContext.DECIMAL128)
                .multiply(new BigDecimal(rate));
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal cents(String v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_UP);
    }

    static ReconciliationBreak only(ReconciliationResult r, BreakType type) {
        List<ReconciliationBreak> bs = r.breaks(type);
        if (bs.size() != 1) {
            throw new AssertionError("expected one " + type + " but found " + bs + " among " + r.breaks());
        }
        return bs.get(0);
    }
}
