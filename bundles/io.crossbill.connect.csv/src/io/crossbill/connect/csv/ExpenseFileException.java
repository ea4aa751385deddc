package io.crossbill.connect.csv;

import java.io.IOException;

/**
 * A file that cannot be read as an expense report at all: not text, not UTF-8, empty, or a header row
 * without the required columns. The message names the file and says what to do.
 */
public final class ExpenseFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ExpenseFileException(String message) {
        super(message);
    }

    public ExpenseFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
