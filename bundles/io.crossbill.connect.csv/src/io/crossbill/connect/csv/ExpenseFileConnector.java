package io.crossbill.connect.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ConnectorSchema.Entity;
import io.crossbill.engine.api.ConnectorSchema.Field;
import io.crossbill.engine.api.ConnectorSchema.Type;
import io.crossbill.engine.api.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Expense reports from an expense tool, as CSV files (Xero Projects has no expense API). System
 * {@code expenses}, one entity {@code Expense} whose fields are the file's columns plus where each row
 * came from.
 * <p>
 * {@link #samples} reads the first good rows of the configured file, or of the {@code *.csv} files of the
 * configured folder in name order. {@link #importInbox} takes in every {@code *.csv} file of an inbox
 * folder: a file without errors goes to {@code processed/} after its rows were handed over; a file with
 * errors stays where it is, its good rows are handed over, and {@code NAME.errors.csv} beside it lists
 * every bad row. A kept file is read again only once it has changed (it is newer than its errors file),
 * so its good rows are handed over again then: the receiver recognises them by {@code expense_id} and
 * content (the engine's inbox does).
 */
public final class ExpenseFileConnector implements SampleSource {
    /** The system name in mappings and messages. */
    public static final String SYSTEM = "expenses";
    /** The one entity. */
    public static final String ENTITY = "Expense";
    /** Where files without errors are moved, inside the inbox. */
    public static final String PROCESSED = "processed";
    /** Suffix of the file that lists a kept file's bad rows. */
    public static final String ERRORS_SUFFIX = ".errors.csv";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path location;

    /** @param location an expense report file, or a folder of them, read by {@link #samples} */
    public ExpenseFileConnector(Path location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    /** What happened to one file of an import. */
    public record FileResult(Path file, int rowsTaken, List<RowError> errors, List<String> warnings, Path movedTo,
            Path errorsFile) {
        public FileResult {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        /** {@code true} when the file went to {@code processed/}. */
        public boolean processed() {
            return movedTo != null;
        }
    }

    @Override
    public ConnectorSchema schema() {
        List<Field> fields = new ArrayList<>();
        for (ExpenseColumn c : ExpenseColumn.values()) {
            fields.add(new Field(c.header(), typeOf(c), null, false));
        }
        fields.add(new Field("source_file", Type.STRING, null, true));
        fields.add(new Field("source_row", Type.INTEGER, null, true));
        return new ConnectorSchema(SYSTEM, List.of(new Entity(ENTITY, "CSV file " + location, fields)));
    }

    private static Type typeOf(ExpenseColumn c) {
        return switch (c) {
            case DATE -> Type.DATE;
            case AMOUNT, TAX_AMOUNT -> Type.NUMBER;
            case BILLABLE -> Type.BOOLEAN;
            default -> Type.STRING;
        };
    }

    /**
     * Reads up to {@code max} good rows of the configured file or folder, as JSON objects with the
     * column names as keys. Bad rows are skipped.
     *
     * @throws UncheckedIOException with an {@link ExpenseFileException} for a file that is not an expense
     *                              report, or the I/O failure
     */
    @Override
    public List<JsonNode> samples(String entity, int max) {
        if (!ENTITY.equals(entity)) {
            throw new IllegalArgumentException("The expense file connector has no entity '" + entity
                    + "'; its only entity is " + ENTITY + ".");
        }
        List<JsonNode> out = new ArrayList<>();
        try {
            List<Path> files = Files.isDirectory(location) ? csvFiles(location) : List.of(location);
            for (Path f : files) {
                if (out.size() >= max) {
                    break;
                }
                try (ExpenseCsvReader r = ExpenseCsvReader.open(f)) {
                    while (out.size() < max) {
                        ExpenseRow row = r.next();
                        if (row == null) {
                            break;
                        }
                        out.add(toJson(row, f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out;
    }

    /** One row as the mapping editor sees it: column names as keys, amounts as numbers, the date as text. */
    public static ObjectNode toJson(ExpenseRow r, String sourceFile) {
        ObjectNode o = JSON.objectNode();
        o.put(ExpenseColumn.EXPENSE_ID.header(), r.expenseId());
        o.put(ExpenseColumn.DATE.header(), r.date().toString());
        o.put(ExpenseColumn.EMPLOYEE_EMAIL.header(), r.employeeEmail());
        o.put(ExpenseColumn.PROJECT.header(), r.project());
        o.put(ExpenseColumn.CATEGORY.header(), r.category());
        o.put(ExpenseColumn.DESCRIPTION.header(), r.description());
        o.put(ExpenseColumn.AMOUNT.header(), r.amount());
        o.put(ExpenseColumn.CURRENCY.header(), r.currency());
        if (r.taxAmount() == null) {
            o.putNull(ExpenseColumn.TAX_AMOUNT.header());
        } else {
            o.put(ExpenseColumn.TAX_AMOUNT.header(), r.taxAmount());
        }
        o.put(ExpenseColumn.BILLABLE.header(), r.billable());
        o.put(ExpenseColumn.STATUS.header(), r.status().text());
        o.put(ExpenseColumn.RECEIPT.header(), r.receipt());
        o.put("source_file", sourceFile);
        o.put("source_row", r.row());
        return o;
    }

    /**
     * Takes in every {@code *.csv} file of {@code inbox} (not the {@code .errors.csv} files, not
     * {@code processed/}), in name order; hands every good row to {@code sink}.
     * <p>
     * Drop files into the inbox under another name and rename them to {@code .csv} when complete, so a
     * file still being copied is never read half.
     *
     * @return one result per file read; files kept earlier and unchanged since are not read again
     */
    public static List<FileResult> importInbox(Path inbox, Consumer<ExpenseRow> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        if (!Files.isDirectory(inbox)) {
            throw new IOException("The expense inbox " + inbox + " is not a folder.");
        }
        List<FileResult> results = new ArrayList<>();
        for (Path file : csvFiles(inbox)) {
            Path errorsFile = file.resolveSibling(file.getFileName() + ERRORS_SUFFIX);
            if (Files.exists(errorsFile) && !newer(file, errorsFile)) {
                continue;
            }
            results.add(importFile(file, errorsFile, inbox.resolve(PROCESSED), sink));
        }
        return results;
    }

    private static FileResult importFile(Path file, Path errorsFile, Path processed, Consumer<ExpenseRow> sink)
            throws IOException {
        ExpenseFile read;
        try {
            read = ExpenseCsvReader.read(file);
        } catch (ExpenseFileException e) {
            RowError whole = new RowError(0, null, null, e.getMessage());
            writeErrors(errorsFile, List.of(whole));
            return new FileResult(file, 0, List.of(whole), List.of(), null, errorsFile);
        }
        read.rows().forEach(sink);
        if (!read.errors().isEmpty()) {
            writeErrors(errorsFile, read.errors());
            return new FileResult(file, read.rows().size(), read.errors(), read.warnings(), null, errorsFile);
        }
        Files.createDirectories(processed);
        Path target = freeName(processed, file.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(errorsFile);
        return new FileResult(file, read.rows().size(), List.of(), read.warnings(), target, null);
    }

    /** Writes a list of row errors as CSV: row, column, value, message. */
    public static void writeErrors(Path errorsFile, List<RowError> errors) throws IOException {
        try (CsvWriter w = CsvWriter.create(errorsFile)) {
            w.row("row", "column", "value", "message");
            for (RowError e : errors) {
                w.row(e.row() == 0 ? "" : Integer.toString(e.row()), e.column(), e.value(), e.message());
            }
        }
    }

    private static boolean newer(Path a, Path b) throws IOException {
        FileTime ta = Files.getLastModifiedTime(a);
        FileTime tb = Files.getLastModifiedTime(b);
        return ta.compareTo(tb) > 0;
    }

    private static Path freeName(Path dir, String name) {
        Path p = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(stem + "-" + n + ext);
        }
        return p;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && n.endsWith(".csv") && !n.endsWith(ERRORS_SUFFIX)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    @Override
    public String toString() {
        return "ExpenseFileConnector[" + location + "]";
    }
}
