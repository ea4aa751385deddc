package io.crossbill.connect.csv;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an expense report file, as the bundle README documents them. Header names are matched
 * ignoring case, surrounding spaces, and spaces or hyphens in place of underscores ({@code Expense ID}
 * is {@code expense_id}).
 */
public enum ExpenseColumn {
    EXPENSE_ID("expense_id", true, "text, unique within the file", "EXP-1101"),
    DATE("date", true, "ISO date yyyy-MM-dd", "2026-11-03"),
    EMPLOYEE_EMAIL("employee_email", true, "the consultant's email address", "priya.natarajan@crossbill-demo.example"),
    PROJECT("project", true, "project name exactly as in the PSA", "Harwell - ERP rollout"),
    CATEGORY("category", true, "text, e.g. travel, hotel, meals, software", "travel"),
    DESCRIPTION("description", false, "text", "Train London - Manchester"),
    AMOUNT("amount", true, "decimal with a dot, more than 0, tax included", "125.40"),
    CURRENCY("currency", true, "ISO 4217 code", "GBP"),
    TAX_AMOUNT("tax_amount", false, "decimal with a dot, 0 or more, not more than amount", "20.90"),
    BILLABLE("billable", true, "yes, no, true or false", "yes"),
    STATUS("status", true, "approved, submitted or rejected", "approved"),
    RECEIPT("receipt", false, "http:// or https:// address", "https://receipts.example/r/8812");

    private final String header;
    private final boolean required;
    private final String format;
    private final String example;

    ExpenseColumn(String header, boolean required, String format, String example) {
        this.header = header;
        this.required = required;
        this.format = format;
        this.example = example;
    }

    /** The column's name in a header row, e.g. {@code expense_id}. */
    public String header() {
        return header;
    }

    /** Whether a file must have this column (and every row a value in it). */
    public boolean required() {
        return required;
    }

    /** The expected format, in words. */
    public String format() {
        return format;
    }

    /** An example value. */
    public String example() {
        return example;
    }

    /** The column a header cell names, if any. */
    public static Optional<ExpenseColumn> forHeader(String cell) {
        String n = normalise(cell);
        for (ExpenseColumn c : values()) {
            if (c.header.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String normalise(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
