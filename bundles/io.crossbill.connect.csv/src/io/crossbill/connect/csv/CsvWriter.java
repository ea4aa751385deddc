package io.crossbill.connect.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: values separated by the delimiter, records ended by CRLF, and a
 * value in double quotes (inner quotes doubled) when it holds the delimiter, a quote, a line break, or
 * leading or trailing spaces. {@code null} is written as an empty value. What this writes,
 * {@link CsvParser} reads back to the same values.
 * <p>
 * Used for exports an analyst opens in a spreadsheet: expense rows, row errors, exceptions and
 * reconciliation breaks.
 */
public final class CsvWriter implements Closeable, Flushable {
    private final Writer out;
    private final char delimiter;
    private long records;

    /** A comma-separated writer on {@code out} (not buffered here; closing this closes it). */
    public CsvWriter(Writer out) {
        this(out, ',');
    }

    public CsvWriter(Writer out, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a quote or a line break cannot be the delimiter");
        }
        this.out = out;
        this.delimiter = delimiter;
    }

    /**
     * Creates (or replaces) a UTF-8 file that starts with a byte order mark, which is what makes Excel
     * show accented names correctly; {@link CsvParser} users in Crossbill skip it.
     */
    public static CsvWriter create(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        return new CsvWriter(w);
    }

    /** Writes one record. */
    public CsvWriter row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object v = values.get(i);
            if (v != null) {
                writeValue(v.toString());
            }
        }
        out.write("\r\n");
        records++;
        return this;
    }

    /** Writes one record. */
    public CsvWriter row(Object... values) throws IOException {
        return row(Arrays.asList(values));
    }

    /** How many records were written so far (the header included). */
    public long records() {
        return records;
    }

    private void writeValue(String s) throws IOException {
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        int from = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
            out.write(s, from, i + 1 - from);
            out.write('"');
            from = i + 1;
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }

    private boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ' || s.charAt(0) == '\uFEFF') {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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
