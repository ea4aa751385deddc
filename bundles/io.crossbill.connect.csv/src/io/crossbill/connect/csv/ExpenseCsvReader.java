package io.crossbill.connect.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads an expense report file row by row (see the bundle README for the columns). UTF-8 with or without
 * a byte order mark, comma or semicolon (taken from the header row), RFC 4180 quoting, CRLF or LF.
 * <p>
 * Each good row comes back from {@link #next()} as an {@link ExpenseRow}; each bad one becomes one
 * {@link RowError} per problem in {@link #errors()} and never stops the rows after it. A second row with
 * an {@code expense_id} seen before is an error on that second row. A file that cannot be an expense
 * report at all (binary, not UTF-8, empty, required columns missing) fails {@link #open} with one
 * {@link ExpenseFileException} that names the file.
 * <p>
 * The text is streamed through a fixed buffer; what is kept per row is its {@code expense_id} (to catch
 * duplicates) and, for bad rows, the errors.
 */
public final class ExpenseCsvReader implements Closeable {
    private static final int HEADER_LIMIT = 1 << 16;
    private static final char NOT_UTF8 = '\uFFFD';

    private final String source;
    private final CsvParser parser;
    private final int[] columnIndex = new int[ExpenseColumn.values().length];
    private final int width;
    private final List<RowError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> firstRowOfId = new HashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private final List<RowError> rowErrors = new ArrayList<>(4);

    private ExpenseCsvReader(String source, BufferedReader text) throws IOException {
        this.source = source;
        char delimiter = readDelimiter(text);
        this.parser = new CsvParser(text, delimiter);
        List<String> header = readRecord();
        if (header == null || isBlank(header)) {
            throw new ExpenseFileException(source + " is empty; an expense report needs a header row ("
                    + requiredList() + ") and one row per expense.");
        }
        this.width = header.size();
        java.util.Arrays.fill(columnIndex, -1);
        int known = 0;
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
                throw binary();
            }
            if (cell.isBlank()) {
                warnings.add("Column " + (i + 1) + " has no name in the header row and was ignored.");
                continue;
            }
            var column = ExpenseColumn.forHeader(cell);
            if (column.isEmpty()) {
                warnings.add("Column '" + cell.strip() + "' is not an expense report column and was ignored.");
                continue;
            }
            ExpenseColumn c = column.get();
            if (columnIndex[c.ordinal()] >= 0) {
                throw new ExpenseFileException(source + " has the column " + c.header()
                        + " twice in its header row; remove one of them.");
            }
            columnIndex[c.ordinal()] = i;
            known++;
        }
        StringJoiner missing = new StringJoiner(", ");
        for (ExpenseColumn c : ExpenseColumn.values()) {
            if (c.required() && columnIndex[c.ordinal()] < 0) {
                missing.add(c.header());
            }
        }
        if (known == 0) {
            throw new ExpenseFileException(source + " does not look like an expense report: its first row has none"
                    + " of the expected column names (" + requiredList() + ").");
        }
        if (missing.length() > 0) {
            throw new ExpenseFileException(source + " lacks the required column(s) " + missing
                    + " in its header row (row 1); the required columns are " + requiredList() + ".");
        }
    }

    /** Opens a file; reads and checks its header row. */
    public static ExpenseCsvReader open(Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ExpenseFileException("The expense file " + file + " does not exist.", e);
        }
        return open(in, file.getFileName().toString());
    }

    /**
     * Reads from a stream (closed by {@link #close()}, or at once when the header is refused); reads and
     * checks its header row.
     *
     * @param source the file's name, used in messages
     */
    public static ExpenseCsvReader open(InputStream in, String source) throws IOException {
        // bytes that are not UTF-8 become U+FFFD, found per row below, so the message can say where
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return new ExpenseCsvReader(source, new BufferedReader(new InputStreamReader(in, utf8), HEADER_LIMIT));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads a whole file: its good rows, its row errors and its warnings. */
    public static ExpenseFile read(Path file) throws IOException {
        try (ExpenseCsvReader r = open(file)) {
            return r.readAll();
        }
    }

    /** Reads a whole stream (and closes it). */
    public static ExpenseFile read(InputStream in, String source) throws IOException {
        try (ExpenseCsvReader r = open(in, source)) {
            return r.readAll();
        }
    }

    private ExpenseFile readAll() throws IOException {
        List<ExpenseRow> rows = new ArrayList<>();
        for (ExpenseRow row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return new ExpenseFile(source, rows, errors, warnings);
    }

    /** The next good row, or {@code null} at the end of the file; bad rows on the way go to {@link #errors()}. */
    public ExpenseRow next() throws IOException {
        while (true) {
            List<String> values = readRecord();
            if (values == null) {
                return null;
            }
            if (isBlank(values)) {
                continue;
            }
            ExpenseRow row = toRow(values, parser.recordNumber());
            if (row != null) {
                return row;
            }
        }
    }

    /** The problems found so far, in file order. */
    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    /** Things that did not stop any row (ignored columns). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The file's name as used in messages. */
    public String source() {
        return source;
    }

    private List<String> readRecord() throws IOException {
        List<String> values = parser.next();
        if (values != null) {
            for (String v : values) {
                if (v.indexOf(NOT_UTF8) >= 0) {
                    throw parser.recordNumber() == 1 ? binary() : new ExpenseFileException(source
                            + " is not a UTF-8 text file (the problem is at row " + parser.recordNumber()
                            + "); export the report again as CSV in UTF-8 (\"CSV UTF-8\" in Excel).");
                }
            }
        }
        return values;
    }

    private ExpenseFileException binary() {
        return new ExpenseFileException(source + " is not a CSV text file (it holds binary data or is not UTF-8);"
                + " an expense report is a CSV file in UTF-8.");
    }

    private char readDelimiter(BufferedReader text) throws IOException {
        text.mark(HEADER_LIMIT);
        StringBuilder line = new StringBuilder();
        int c = text.read();
        if (c == '\uFEFF') {
            text.mark(HEADER_LIMIT);
            c = text.read();
        }
        boolean quoted = false;
        while (c >= 0 && line.length() < HEADER_LIMIT - 2) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (c == 0 || c == NOT_UTF8) {
                throw binary();
            }
            line.append((char) c);
            c = text.read();
        }
        text.reset();
        return CsvParser.detectDelimiter(line);
    }

    private ExpenseRow toRow(List<String> values, int row) {
        rowErrors.clear();
        if (parser.problem() != null) {
            rowErrors.add(RowError.wholeRow(row, parser.problem() + "."));
        }
        if (values.size() > width && !isBlank(values.subList(width, values.size()))) {
            // the values are shifted, so checking them one by one would only add confusing errors
            errors.add(RowError.wholeRow(row, "it has " + values.size() + " values but the header row has " + width
                    + " columns; a value that contains the delimiter must be in double quotes."));
            return null;
        }
        String id = text(values, ExpenseColumn.EXPENSE_ID, row, true);
        if (id != null) {
            Integer first = firstRowOfId.putIfAbsent(id, row);
            if (first != null) {
                cellError(row, ExpenseColumn.EXPENSE_ID, id, "'" + id + "' is already on row " + first
                        + "; each expense must appear once in a file.");
            }
        }
        LocalDate date = date(values, row);
        String email = email(values, row);
        String project = text(values, ExpenseColumn.PROJECT, row, true);
        String category = text(values, ExpenseColumn.CATEGORY, row, true);
        String description = text(values, ExpenseColumn.DESCRIPTION, row, false);
        BigDecimal amount = decimal(values, ExpenseColumn.AMOUNT, row, true);
        String currency = currency(values, row);
        BigDecimal tax = decimal(values, ExpenseColumn.TAX_AMOUNT, row, false);
        if (amount != null && tax != null && tax.compareTo(amount) > 0) {
            cellError(row, ExpenseColumn.TAX_AMOUNT, raw(values, ExpenseColumn.TAX_AMOUNT), "'" + tax.toPlainString()
                    + "' is more than the amount " + amount.toPlainString() + "; the amount includes the tax.");
        }
        Boolean billable = billable(values, row);
        ExpenseRow.Status status = status(values, row);
        String receipt = receipt(values, row);
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return null;
        }
        return new ExpenseRow(id, date, email, project, category, description, amount, currency, tax, billable,
                status, receipt, row);
    }

    private String raw(List<String> values, ExpenseColumn c) {
        int i = columnIndex[c.ordinal()];
        return i < 0 || i >= values.size() ? "" : values.get(i).strip();
    }

    private void cellError(int row, ExpenseColumn c, String value, String problem) {
        rowErrors.add(RowError.cell(row, c.header(), value, problem));
    }

    /** The stripped value; {@code null} (and an error when required) when empty. */
    private String text(List<String> values, ExpenseColumn c, int row, boolean required) {
        String v = raw(values, c);
        if (v.isEmpty()) {
            if (required) {
                cellError(row, c, v, "the value is empty; " + c.header() + " is required (" + c.format() + ").");
            }
            return null;
        }
        return v;
    }

    private LocalDate date(List<String> values, int row) {
        String v = text(values, ExpenseColumn.DATE, row, true);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            boolean shaped = v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-';
            cellError(row, ExpenseColumn.DATE, v, shaped
                    ? "'" + v + "' is not a date in the calendar (check the day and the month)."
                    : "'" + v + "' is not a date in the form yyyy-MM-dd, e.g. 2026-11-03.");
            return null;
        }
    }

    private String email(List<String> values, int row) {
        String v = text(values, ExpenseColumn.EMPLOYEE_EMAIL, row, true);
        if (v == null) {
            return null;
        }
        int at = v.indexOf('@');
        if (at <= 0 || at != v.lastIndexOf('@') || v.indexOf('.', at) < at + 2 || v.endsWith(".")
                || v.chars().anyMatch(Character::isWhitespace)) {
            cellError(row, ExpenseColumn.EMPLOYEE_EMAIL, v, "'" + v + "' is not an email address.");
            return null;
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private BigDecimal decimal(List<String> values, ExpenseColumn c, int row, boolean required) {
        String v = text(values, c, row, required);
        if (v == null) {
            return null;
        }
        String problem = decimalProblem(v);
        if (problem != null) {
            cellError(row, c, v, "'" + v + "' " + problem);
            return null;
        }
        BigDecimal d = new BigDecimal(v);
        if (c == ExpenseColumn.AMOUNT && d.signum() <= 0) {
            cellError(row, c, v, "'" + v + "' is " + (d.signum() == 0 ? "zero" : "negative")
                    + "; an expense amount must be more than 0 (a refund is not an expense).");
            return null;
        }
        if (d.signum() < 0) {
            cellError(row, c, v, "'" + v + "' is negative; " + c.header() + " must be 0 or more.");
            return null;
        }
        return d;
    }

    /** Why a text is not a plain decimal with a dot, or {@code null} when it is one. */
    private static String decimalProblem(String v) {
        int digits = 0;
        int dots = 0;
        int commas = 0;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if (ch == '.') {
                dots++;
            } else if (ch == ',') {
                commas++;
            } else if (!(i == 0 && (ch == '-' || ch == '+'))) {
                other = true;
            }
        }
        if (other) {
            return digits > 0 ? "is not a number; write the amount without a currency symbol, code or spaces."
                    : "is not a number.";
        }
        if (commas > 0 && dots == 0 && commas == 1) {
            return "is not a number; use a dot as decimal separator.";
        }
        if (commas > 0) {
            return "is not a number; leave out the thousands separators and use a dot as decimal separator.";
        }
        if (dots > 1 || digits == 0 || v.endsWith(".") || v.startsWith(".") || v.startsWith("-.")
                || v.startsWith("+.")) {
            return "is not a number.";
        }
        return null;
    }

    private String currency(List<String> values, int row) {
        String v = text(values, ExpenseColumn.CURRENCY, row, true);
        if (v == null) {
            return null;
        }
        String known = currencies.computeIfAbsent(v, ExpenseCsvReader::iso4217);
        if (known.isEmpty()) {
            cellError(row, ExpenseColumn.CURRENCY, v, "'" + v + "' is not an ISO 4217 currency code (e.g. GBP, EUR, USD).");
            return null;
        }
        return known;
    }

    private static String iso4217(String v) {
        if (v.length() != 3) {
            return "";
        }
        try {
            return Currency.getInstance(v.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private Boolean billable(List<String> values, int row) {
        String v = text(values, ExpenseColumn.BILLABLE, row, true);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> {
                cellError(row, ExpenseColumn.BILLABLE, v, "'" + v + "' is not yes, no, true or false.");
                yield null;
            }
        };
    }

    private ExpenseRow.Status status(List<String> values, int row) {
        String v = text(values, ExpenseColumn.STATUS, row, true);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "approved" -> ExpenseRow.Status.APPROVED;
            case "submitted" -> ExpenseRow.Status.SUBMITTED;
            case "rejected" -> ExpenseRow.Status.REJECTED;
            default -> {
                cellError(row, ExpenseColumn.STATUS, v, "'" + v + "' is not approved, submitted or rejected.");
                yield null;
            }
        };
    }

    private String receipt(List<String> values, int row) {
        String v = text(values, ExpenseColumn.RECEIPT, row, false);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        boolean web = (lower.startsWith("https://") || lower.startsWith("http://")) && !v.contains(" ");
        if (web) {
            try {
                web = java.net.URI.create(v).getHost() != null;
            } catch (IllegalArgumentException e) {
                web = false;
            }
        }
        if (!web) {
            cellError(row, ExpenseColumn.RECEIPT, v, "'" + v + "' is not a web address (http:// or https://).");
            return null;
        }
        return v;
    }

    private static boolean isBlank(List<String> values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String requiredList() {
        StringJoiner j = new StringJoiner(", ");
        for (ExpenseColumn c : ExpenseColumn.values()) {
            if (c.required()) {
                j.add(c.header());
            }
        }
        return j.toString();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
