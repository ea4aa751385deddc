package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A billable-or-not expense from the PSA; billed like time (see {@link TimeEntry} for the ledger link). */
public record Expense(String id, String projectId, String customerId, LocalDate date, BigDecimal amount,
        String currency, boolean billable, boolean approved, String invoiceLineRef) {
}
