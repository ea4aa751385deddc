package io.crossbill.connect.csv;

/**
 * A row of an expense report file that could not be taken, and why.
 *
 * @param row     the row as a spreadsheet numbers it: the header is row 1, the first expense row 2;
 *                0 when the problem is with the file as a whole
 * @param column  the column's header name, or {@code null} when the problem is with the whole row
 * @param value   the value as found in the file ({@code ""} when empty, {@code null} when no one value)
 * @param message the whole sentence for the analyst, e.g. {@code Row 7, column amount: '12,50' is not a
 *                number; use a dot as decimal separator}
 */
public record RowError(int row, String column, String value, String message) {

    /** An error about one value: the message is {@code Row R, column C: <problem>}. */
    static RowError cell(int row, String column, String value, String problem) {
        return new RowError(row, column, value, "Row " + row + ", column " + column + ": " + problem);
    }

    /** An error about a row as a whole: the message is {@code Row R: <problem>}. */
    static RowError wholeRow(int row, String problem) {
        return new RowError(row, null, null, "Row " + row + ": " + problem);
    }

    @Override
    public String toString() {
        return message;
    }
}
