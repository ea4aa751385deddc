package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One time entry from the PSA, as the reconciliation needs it. The ledger's link to the invoice line it was
 * billed on may be given here ({@code invoiceLineRef}), on the line ({@link InvoiceLine#entryIds()}), or
 * both; the two are joined.
 *
 * @param id             the entry's id in the PSA
 * @param projectId      the project the time was logged on
 * @param customerId     the customer's business key (cross-reference id)
 * @param person         who did the work
 * @param workedAt       when the work was done; its day in the period's zone decides the period. For a
 *                       system that gives only a date, pass {@link ReconciliationPeriod#startOf}.
 * @param minutes        duration in whole minutes, 0 or more
 * @param billable       billable to the customer (non-billable time never counts as unbilled)
 * @param approved       approved in the PSA
 * @param approvedAt     when it was approved, null when not known; approval after the close does not count
 * @param rate           bill rate per hour, null when the entry has none
 * @param currency       ISO 4217 code of the rate
 * @param invoiceLineRef the invoice line it was billed on, from Crossbill's billing ledger, or null
 * @param taskId         the task or milestone it was logged against, or null
 */
public record TimeEntry(String id, String projectId, String customerId, String person, Instant workedAt,
        int minutes, boolean billable, boolean approved, Instant approvedAt, BigDecimal rate, String currency,
        String invoiceLineRef, String taskId) {
}
