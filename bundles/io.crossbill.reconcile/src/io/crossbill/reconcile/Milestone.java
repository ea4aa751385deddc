package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fixed-fee milestone from the PSA. It is billed by an invoice line that names it
 * ({@link InvoiceLine#milestoneId()}) or that it names ({@code invoiceLineRef}, from the billing ledger).
 *
 * @param completed   whether the PSA marks it complete
 * @param completedAt when; completion after the period's close does not count (null = not known, counts)
 */
public record Milestone(String id, String projectId, String customerId, String name, BigDecimal amount,
        String currency, boolean completed, Instant completedAt, String invoiceLineRef) {
}
