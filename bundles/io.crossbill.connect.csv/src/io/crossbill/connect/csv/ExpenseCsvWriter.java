package io.crossbill.connect.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes expense rows in the documented layout (every column of {@link ExpenseColumn}, in its order,
 * comma-separated, CRLF), so that {@link ExpenseCsvReader} reads them back to equal rows (apart from the
 * row numbers, which are those of the new file).
 */
public final class ExpenseCsvWriter implements Closeable, Flushable {
    private final CsvWriter out;

    /** Writes the header row at once. */
    public ExpenseCsvWriter(CsvWriter out) throws IOException {
        this.out = out;
        List<String> header = new ArrayList<>();
        for (ExpenseColumn c : ExpenseColumn.values()) {
            header.add(c.header());
        }
        out.row(header);
    }

    /** On a writer (not closed until {@link #close()}). */
    public ExpenseCsvWriter(Writer out) throws IOException {
        this(new CsvWriter(out));
    }

    /** Creates (or replaces) a UTF-8 file with a byte order mark. */
    public static ExpenseCsvWriter create(Path file) throws IOException {
        return new ExpenseCsvWriter(CsvWriter.create(file));
    }

    /** Writes all rows to a new file. */
    public static void write(Path file, Iterable<ExpenseRow> rows) throws IOException {
        try (ExpenseCsvWriter w = create(file)) {
            for (ExpenseRow r : rows) {
                w.write(r);
            }
        }
    }

    public ExpenseCsvWriter write(ExpenseRow r) throws IOException {
        out.row(r.expenseId(), r.date(), r.employeeEmail(), r.project(), r.category(), r.description(),
                r.amount().toPlainString(), r.currency(), r.taxAmount() == null ? null : r.taxAmount().toPlainString(),
                r.billable() ? "yes" : "no", r.status().text(), r.receipt());
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
