package io.crossbill.connect.csv;

import java.util.List;

/**
 * Everything read from one expense report file.
 *
 * @param source   the file's name (or what the text was called)
 * @param rows     the good rows, in file order
 * @param errors   the rows that could not be taken, one entry per problem, in file order
 * @param warnings things that did not stop any row, e.g. an unknown column that was ignored
 */
public record ExpenseFile(String source, List<ExpenseRow> rows, List<RowError> errors, List<String> warnings) {
    public ExpenseFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** How many distinct rows had at least one problem. */
    public long badRows() {
        return errors.stream().mapToInt(RowError::row).distinct().count();
    }
}
