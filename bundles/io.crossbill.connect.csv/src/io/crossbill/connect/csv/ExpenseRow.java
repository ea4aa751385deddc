package io.crossbill.connect.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One good row of an expense report file.
 *
 * @param expenseId     the expense tool's id, unique within the file
 * @param date          the day the expense was incurred
 * @param employeeEmail the consultant's email address (lower case)
 * @param project       the project name as the PSA shows it
 * @param category      e.g. travel, hotel, meals, software (as written in the file)
 * @param description   free text, empty when the file has none
 * @param amount        the amount paid, tax included, more than 0
 * @param currency      ISO 4217 code, upper case
 * @param taxAmount     the tax part of {@code amount}, or {@code null} when the file does not say
 * @param billable      whether the expense is to be re-invoiced to the customer
 * @param status        where it is in the expense tool's approval
 * @param receipt       a link to the receipt, or {@code null}
 * @param row           the row in the file as a spreadsheet numbers it (the header is row 1)
 */
public record ExpenseRow(String expenseId, LocalDate date, String employeeEmail, String project, String category,
        String description, BigDecimal amount, String currency, BigDecimal taxAmount, boolean billable,
        Status status, String receipt, int row) {

    /** An expense's approval state in the expense tool. */
    public enum Status {
        APPROVED, SUBMITTED, REJECTED;

        /** As written in a file: {@code approved}, {@code submitted}, {@code rejected}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ExpenseRow {
        Objects.requireNonNull(expenseId, "expenseId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(employeeEmail, "employeeEmail");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
    }

    /** Approved and billable: what may go to an invoice. */
    public boolean billableAndApproved() {
        return billable && status == Status.APPROVED;
    }
}
