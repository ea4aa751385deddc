package io.crossbill.connect.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: values separated by one delimiter character, values in double quotes may
 * hold delimiters, line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. It reads
 * through a fixed buffer, so a file of any size is never held in memory whole.
 * <p>
 * Records are numbered as a spreadsheet numbers its rows: the first record is 1, and a record whose quoted
 * value spans several lines is still one row. Quoting mistakes do not stop the reader: the record is
 * returned as well as it could be read and {@link #problem()} says what was wrong with it.
 */
public final class CsvParser implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int len;
    private boolean eof;
    private int record;
    private String problem;
    private final StringBuilder field = new StringBuilder(64);

    /**
     * @param in        the text; the parser buffers it itself and closes it in {@link #close()}
     * @param delimiter {@code ','} or {@code ';'} (any character but a quote, CR or LF)
     */
    public CsvParser(Reader in, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a quote or a line break cannot be the delimiter");
        }
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record's values, or {@code null} at the end of the text. */
    public List<String> next() throws IOException {
        if (!fill()) {
            return null;
        }
        record++;
        problem = null;
        List<String> values = new ArrayList<>(16);
        field.setLength(0);
        boolean quoted = false;      // inside a quoted value
        boolean wasQuoted = false;   // the current value started with a quote
        boolean afterQuote = false;  // just read the closing quote of a quoted value
        while (fill()) {
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (!fill()) {
                        quoted = false;
                        afterQuote = true;
                    } else if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == delimiter) {
                values.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && fill() && buf[pos] == '\n') {
                    pos++;
                }
                values.add(field.toString());
                return values;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                if (afterQuote || c == '"') {
                    noteProblem("a value has a quote character in the wrong place; put the whole value in quotes"
                            + " and double every quote inside it");
                }
                field.append(c);
            }
        }
        if (quoted) {
            noteProblem("a quoted value is not closed; a quote character is missing");
        }
        values.add(field.toString());
        return values;
    }

    private void noteProblem(String p) {
        if (problem == null) {
            problem = p;
        }
    }

    /** The number of the record {@link #next()} returned last (1 for the first). */
    public int recordNumber() {
        return record;
    }

    /** What was wrong with the quoting of the last record, or {@code null} when nothing. */
    public String problem() {
        return problem;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    /**
     * Picks the delimiter of a file from its header line: the one of {@code ,} and {@code ;} that occurs
     * more often outside quotes; a comma when neither occurs (a one-column file).
     */
    public static char detectDelimiter(CharSequence headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
