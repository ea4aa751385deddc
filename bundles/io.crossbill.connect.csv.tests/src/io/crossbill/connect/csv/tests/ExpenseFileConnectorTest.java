package io.crossbill.connect.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.csv.CsvParser;
import io.crossbill.connect.csv.ExpenseFileConnector;
import io.crossbill.connect.csv.ExpenseFileConnector.FileResult;
import io.crossbill.connect.csv.ExpenseRow;
import io.crossbill.engine.api.ConnectorSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseFileConnectorTest {
    private static final String HEADER = ExpenseCsvReaderTest.HEADER;

    private static String row(String id, String amount) {
        return id + ",2026-11-04,tom.whitaker@crossbill-demo.example,Redwood - Integration build,meals,Lunch,"
                + amount + ",USD,,yes,approved,\r\n";
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void schemaListsEveryColumnWithItsType(@TempDir Path dir) {
        ConnectorSchema s = new ExpenseFileConnector(dir).schema();
        assertEquals("expenses", s.system());
        ConnectorSchema.Entity e = s.entity("Expense").orElseThrow();
        assertEquals(ConnectorSchema.Type.NUMBER, e.field("amount").orElseThrow().type());
        assertEquals(ConnectorSchema.Type.DATE, e.field("date").orElseThrow().type());
        assertEquals(ConnectorSchema.Type.BOOLEAN, e.field("billable").orElseThrow().type());
        assertTrue(e.field("source_row").orElseThrow().readOnly());
        assertEquals(14, e.fields().size());
    }

    @Test
    void samplesAreTheFirstGoodRowsOfAFileOrAFolder(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.csv"), HEADER + row("A1", "1.00") + row("A2", "oops") + row("A3", "3.00"));
        write(dir.resolve("b.csv"), HEADER + row("B1", "4.00"));
        write(dir.resolve("notes.txt"), "not an expense file");
        List<JsonNode> one = new ExpenseFileConnector(dir.resolve("a.csv")).samples("Expense", 10);
        assertEquals(List.of("A1", "A3"), one.stream().map(n -> n.path("expense_id").asText()).toList());
        JsonNode first = one.get(0);
        assertTrue(first.path("amount").isNumber());
        assertEquals("1.00", first.path("amount").decimalValue().toPlainString());
        assertEquals("2026-11-04", first.path("date").asText());
        assertTrue(first.path("billable").booleanValue());
        assertEquals("a.csv", first.path("source_file").asText());
        assertEquals(2, first.path("source_row").asInt());

        ExpenseFileConnector folder = new ExpenseFileConnector(dir);
        assertEquals(List.of("A1", "A3", "B1"), folder.samples("Expense", 10).stream()
                .map(n -> n.path("expense_id").asText()).toList());
        assertEquals(2, folder.samples("Expense", 2).size());
        assertThrows(IllegalArgumentException.class, () -> folder.samples("Invoice", 1));
        write(dir.resolve("c.csv"), "Name,Age\nBob,4\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> folder.samples("Expense", 10));
        assertTrue(e.getMessage().startsWith("c.csv does not look like an expense report"), e.getMessage());
    }

    @Test
    void inboxMovesCleanFilesAndKeepsBadOnesWithAnErrorsFile(@TempDir Path inbox) throws IOException {
        write(inbox.resolve("clean.csv"), HEADER + row("C1", "1.00") + row("C2", "2.00"));
        write(inbox.resolve("mixed.csv"), HEADER + row("M1", "5.00") + row("M2", "\"12,50\"") + row("M3", "-1"));
        write(inbox.resolve("photo.csv"), "\u0000\u0001binary");
        write(inbox.resolve("readme.txt"), "ignored");
        List<ExpenseRow> taken = new ArrayList<>();

        List<FileResult> results = ExpenseFileConnector.importInbox(inbox, taken::add);

        assertEquals(List.of("C1", "C2", "M1"), taken.stream().map(ExpenseRow::expenseId).toList());
        assertEquals(3, results.size());
        FileResult clean = results.get(0);
        assertTrue(clean.processed());
        assertEquals(inbox.resolve("processed/clean.csv"), clean.movedTo());
        assertFalse(Files.exists(inbox.resolve("clean.csv")));
        assertTrue(Files.exists(inbox.resolve("processed/clean.csv")));

        FileResult mixed = results.get(1);
        assertFalse(mixed.processed());
        assertEquals(1, mixed.rowsTaken());
        assertTrue(Files.exists(inbox.resolve("mixed.csv")), "a file with errors stays in the inbox");
        List<List<String>> errors = readCsv(inbox.resolve("mixed.csv.errors.csv"));
        assertEquals(List.of("row", "column", "value", "message"), errors.get(0));
        assertEquals(List.of("3", "amount", "12,50",
                "Row 3, column amount: '12,50' is not a number; use a dot as decimal separator."), errors.get(1));
        assertEquals("4", errors.get(2).get(0));
        assertEquals(3, errors.size());

        FileResult photo = results.get(2);
        assertEquals(0, photo.rowsTaken());
        List<List<String>> photoErrors = readCsv(inbox.resolve("photo.csv.errors.csv"));
        assertEquals(2, photoErrors.size());
        assertEquals("", photoErrors.get(1).get(0));
        assertTrue(photoErrors.get(1).get(3).startsWith("photo.csv is not a CSV text file"), photoErrors.toString());
        assertTrue(Files.exists(inbox.resolve("readme.txt")));
    }

    @Test
    void aKeptFileIsReadAgainOnlyAfterItChanges(@TempDir Path inbox) throws IOException {
        Path mixed = write(inbox.resolve("mixed.csv"), HEADER + row("M1", "5.00") + row("M2", "\"12,50\""));
        List<ExpenseRow> taken = new ArrayList<>();
        ExpenseFileConnector.importInbox(inbox, taken::add);
        assertEquals(1, taken.size());

        assertEquals(List.of(), ExpenseFileConnector.importInbox(inbox, taken::add), "unchanged: not read again");
        assertEquals(1, taken.size());

        write(mixed, HEADER + row("M1", "5.00") + row("M2", "12.50"));
        Files.setLastModifiedTime(mixed, FileTime.from(Instant.now().plusSeconds(5)));
        write(inbox.resolve("processed.csv"), HEADER + row("P1", "1.00"));
        Files.createDirectories(inbox.resolve("processed"));
        write(inbox.resolve("processed/mixed.csv"), "an older file of the same name");
        List<FileResult> again = ExpenseFileConnector.importInbox(inbox, taken::add);
        assertEquals(List.of("M1", "M1", "M2", "P1"), taken.stream().map(ExpenseRow::expenseId).toList());
        assertEquals(inbox.resolve("processed/mixed-2.csv"), again.get(0).movedTo(), "an older file is not overwritten");
        assertFalse(Files.exists(inbox.resolve("mixed.csv.errors.csv")), "the errors file goes once the file is fixed");
        assertNull(again.get(0).errorsFile());
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<List<String>> out = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text.substring(1)), ',')) {
            for (List<String> r = p.next(); r != null; r = p.next()) {
                out.add(r);
            }
        }
        return out;
    }
}
