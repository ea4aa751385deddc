package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The numbers DOMAIN.md says the console should show, for the period. Percentiles are nearest-rank; a
 * figure without data is null.
 *
 * @param setupCycleHoursMedian  deal closed -> project ready, median hours
 * @param setupCycleHoursP90     the same, 90th percentile
 * @param projectsSetUp          projects with both times
 * @param billingLagDaysMedian   entry approved -> invoice date, median days, over entries on the period's lines
 * @param billingLagDaysP90      the same, 90th percentile
 * @param billedEntries          entries the lag is measured over
 * @param invoiceLines           the period's invoice lines (voided excluded)
 * @param invoiceLinesWithBreak  of those, lines behind a break
 * @param invoiceAccuracy        share of lines with no break (0..1, 4 decimals)
 * @param recordsProcessed       records the engine processed in the period (given)
 * @param exceptionsRaised       exceptions raised in the period (given)
 * @param exceptionRate          exceptions / records processed (6 decimals)
 * @param recoveryHoursMedian    exception raised -> resolved, median hours, over resolved exceptions
 * @param recoveryHoursP90       the same, 90th percentile
 * @param exceptionsResolved     exceptions the recovery time is measured over
 * @param unbilledValueByCurrency unbilled work at close (time, expenses, milestones) per currency
 * @param unbilledHours          hours of unbilled time at close
 * @param unbilledEntries        unbilled time entries at close
 */
public record Kpis(BigDecimal setupCycleHoursMedian, BigDecimal setupCycleHoursP90, int projectsSetUp,
        Long billingLagDaysMedian, Long billingLagDaysP90, long billedEntries, int invoiceLines,
        int invoiceLinesWithBreak, BigDecimal invoiceAccuracy, long recordsProcessed, long exceptionsRaised,
        BigDecimal exceptionRate, BigDecimal recoveryHoursMedian, BigDecimal recoveryHoursP90, int exceptionsResolved,
        Map<String, BigDecimal> unbilledValueByCurrency, BigDecimal unbilledHours, int unbilledEntries) {
}
