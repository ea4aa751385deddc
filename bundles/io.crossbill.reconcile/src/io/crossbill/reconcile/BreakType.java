package io.crossbill.reconcile;

/** The kinds of difference the month-end review shows, in the order the review lists them. */
public enum BreakType {
    /** Entries billed on the period's time lines are worth more than the lines bill (per project, customer, currency). */
    TIME_UNDERBILLED("time billed for less than its hours x rate"),
    /** Time lines bill more than the entries behind them are worth (per project, customer, currency). */
    TIME_OVERBILLED("time billed for more than its hours x rate"),
    /** Approved, billable work not on any invoice at close (per project, customer, currency), with its age. */
    UNBILLED_ENTRY("approved billable work not invoiced at close"),
    /** A fixed-fee milestone completed by the close but not invoiced. */
    MILESTONE_NOT_INVOICED("milestone completed but not invoiced"),
    /** A milestone invoiced although the PSA does not show it completed by the close. */
    MILESTONE_INVOICED_NOT_COMPLETE("milestone invoiced but not completed"),
    /** A milestone invoiced for a different amount than the milestone's. */
    MILESTONE_AMOUNT_MISMATCH("milestone invoiced for a different amount"),
    /** An invoice line with no entry, expense or milestone behind it. */
    INVOICE_WITHOUT_DELIVERY("invoice line with no delivery behind it"),
    /** An invoice line billing work recorded in another currency. */
    CURRENCY_MISMATCH("invoice line in a different currency than the work it bills"),
    /** CRM contract value, PSA budget and ERP billed-to-date disagree. */
    CONTRACT_VALUE_MISMATCH("contract value, budget and billed-to-date disagree"),
    /** A customer field differs between the CRM, the PSA and the ERP. */
    MASTER_DATA_MISMATCH("customer master data differs between systems");

    private final String description;

    BreakType(String description) {
        this.description = description;
    }

    /** The type in plain words. */
    public String description() {
        return description;
    }
}
