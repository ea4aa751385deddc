/**
 * Month-end reconciliation: approved delivery in the PSA against billing in the ERP and contract value
 * in the CRM, for one period. Pure Java, no I/O to the systems: load the period into a
 * {@link io.crossbill.reconcile.ReconciliationInput}, run a {@link io.crossbill.reconcile.Reconciler},
 * read the {@link io.crossbill.reconcile.ReconciliationResult} (breaks, matches, suggested matches,
 * totals, KPIs) or write it with {@link io.crossbill.reconcile.ReconciliationJson} and
 * {@link io.crossbill.reconcile.ReconciliationCsv}. See the bundle's README for the rules.
 */
package io.crossbill.reconcile;
