package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of an ERP invoice.
 *
 * @param invoiceId   the ERP's invoice id
 * @param invoiceNumber the invoice number people see
 * @param customerId  the customer's business key
 * @param projectId   the project, null when the ERP does not know it (then it is taken from the entries)
 * @param lineRef     the line's unique id
 * @param kind        what the line bills
 * @param milestoneId the milestone it bills, or null
 * @param quantity    quantity (hours for time lines), may be null
 * @param unitAmount  unit price, may be null
 * @param amount      line amount excluding tax
 * @param currency    ISO 4217 code of the invoice
 * @param invoiceDate the invoice date
 * @param status      voided lines are ignored (their entries count as unbilled again)
 * @param entryIds    ids of the time entries (or expenses) behind the line, from the billing ledger; may be
 *                    empty when the entries name the line instead
 */
public record InvoiceLine(String invoiceId, String invoiceNumber, String customerId, String projectId,
        String lineRef, Kind kind, String milestoneId, BigDecimal quantity, BigDecimal unitAmount,
        BigDecimal amount, String currency, LocalDate invoiceDate, Status status, List<String> entryIds) {

    /** What a line bills. */
    public enum Kind {
        TIME, MILESTONE, EXPENSE, OTHER
    }

    /** The invoice's status in the ERP. */
    public enum Status {
        DRAFT, AUTHORISED, PAID, VOIDED
    }

    public InvoiceLine {
        entryIds = entryIds == null ? List.of() : entryIds;
    }
}
