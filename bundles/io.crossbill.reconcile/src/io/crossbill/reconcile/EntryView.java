package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A time entry as the drill-down shows it: its facts, its value (hours x rate under the run's rules), the line
 * it was billed on and its age at close.
 */
public record EntryView(String id, String projectId, String customerId, String person, LocalDate date,
        BigDecimal hours, BigDecimal rate, BigDecimal value, String currency, boolean billable, boolean approved,
        Instant approvedAt, String invoiceLineRef, int ageDays) {
}
