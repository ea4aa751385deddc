package io.crossbill.reconcile;

import java.math.BigDecimal;

/**
 * One row of the review grid: a project's (or customer's) figures in one currency.
 *
 * @param key            project id or customer key
 * @param currency       the currency; currencies are never added together
 * @param delivered      approved billable work covered by the review (the period's entries, earlier entries
 *                       billed on the period's lines or still unbilled, completed milestones, expenses)
 * @param billed         the period's invoice lines (voided ones excluded)
 * @param unbilled       delivered work not invoiced at close
 * @param variance       billed - delivered
 * @param deliveredHours hours of the delivered time
 * @param unbilledHours  hours of the unbilled time
 */
public record Totals(String key, String currency, BigDecimal delivered, BigDecimal billed, BigDecimal unbilled,
        BigDecimal variance, BigDecimal deliveredHours, BigDecimal unbilledHours) {
}
