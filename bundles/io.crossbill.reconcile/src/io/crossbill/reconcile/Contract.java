package io.crossbill.reconcile;

import java.math.BigDecimal;

/**
 * A contract's value as the CRM, the PSA and the ERP see it.
 *
 * @param crmValue        the deal's value in the CRM
 * @param psaBudget       the project's budget in the PSA, null when it has none
 * @param erpBilledToDate everything billed on the project to date in the ERP, null when not loaded (then the
 *                        invoice lines given for the period are used)
 */
public record Contract(String projectId, String customerId, String dealId, BigDecimal crmValue,
        BigDecimal psaBudget, BigDecimal erpBilledToDate, String currency, BillingMethod billingMethod) {

    /** How the contract bills. */
    public enum BillingMethod {
        TIME_AND_MATERIALS, FIXED_FEE
    }
}
