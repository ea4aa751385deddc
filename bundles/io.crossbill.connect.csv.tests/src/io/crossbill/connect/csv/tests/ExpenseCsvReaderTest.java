package io.crossbill.connect.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.connect.csv.ExpenseCsvReader;
import io.crossbill.connect.csv.ExpenseCsvWriter;
import io.crossbill.connect.csv.ExpenseFile;
import io.crossbill.connect.csv.ExpenseFileException;
import io.crossbill.connect.csv.ExpenseRow;
import io.crossbill.connect.csv.RowError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseCsvReaderTest {
    static final String HEADER = "expense_id,date,employee_email,project,category,description,amount,currency,"
            + "tax_amount,billable,status,receipt\r\n";
    static final String GOOD = "EXP-1,2026-11-03,priya.natarajan@crossbill-demo.example,Harwell - ERP rollout,travel,"
            + "\"Train London, Manchester\",125.40,GBP,20.90,yes,approved,https://receipts.example/r/1\r\n";

    private static ExpenseFile read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ExpenseFile read(byte[] bytes) throws IOException {
        return ExpenseCsvReader.read(new ByteArrayInputStream(bytes), "november.csv");
    }

    private static String row(String id, String amount) {
        return id + ",2026-11-04,tom.whitaker@crossbill-demo.example,Redwood - Integration build,meals,Lunch,"
                + amount + ",USD,,no,submitted,\r\n";
    }

    @Test
    void aGoodRowBecomesARecordWithTypedValues() throws IOException {
        ExpenseFile f = read(HEADER + GOOD);
        assertEquals(List.of(), f.errors());
        ExpenseRow r = f.rows().get(0);
        assertEquals(new ExpenseRow("EXP-1", LocalDate.of(2026, 11, 3), "priya.natarajan@crossbill-demo.example",
                "Harwell - ERP rollout", "travel", "Train London, Manchester", new BigDecimal("125.40"), "GBP",
                new BigDecimal("20.90"), true, ExpenseRow.Status.APPROVED, "https://receipts.example/r/1", 2), r);
        assertTrue(r.billableAndApproved());
    }

    @Test
    void bomSemicolonsAnyColumnOrderAndUnknownColumns() throws IOException {
        String text = "\uFEFFStatus;Amount;Currency;Notes;Expense ID;date;employee_email;project;category;billable\n"
                + "submitted;12.50;eur;whatever;E-9;2026-11-05;Lena.Vogel@crossbill-demo.example;"
                + "Rheinland - Process review;meals;false\n";
        ExpenseFile f = read(text);
        assertEquals(List.of(), f.errors());
        assertEquals(List.of("Column 'Notes' is not an expense report column and was ignored."), f.warnings());
        ExpenseRow r = f.rows().get(0);
        assertEquals("E-9", r.expenseId());
        assertEquals("EUR", r.currency());
        assertEquals("lena.vogel@crossbill-demo.example", r.employeeEmail());
        assertEquals(new BigDecimal("12.50"), r.amount());
        assertFalse(r.billable());
        assertEquals(ExpenseRow.Status.SUBMITTED, r.status());
        assertNull(r.taxAmount());
        assertNull(r.receipt());
        assertEquals("", r.description());
    }

    @Test
    void eachBadValueIsAnErrorNamingRowColumnAndValueAndTheOtherRowsStillCount() throws IOException {
        String text = HEADER + GOOD
                + row("EXP-2", "\"12,50\"")                                              // row 3
                + row("EXP-3", "-35.00")                                             // row 4
                + row("EXP-4", "\"1,234.00\"")                                           // row 5
                + row("EXP-5", "$40.00")                                             // row 6
                + "EXP-6,2026-11-31,x@crossbill-demo.example,P,travel,,10.00,GBP,,maybe,paid,receipt.pdf\r\n" // row 7
                + "EXP-7,03/11/2026,not-an-email,,travel,,10.00,GBR,11.00,yes,approved,\r\n"                 // row 8
                + row("EXP-8", "7.25");                                              // row 9
        ExpenseFile f = read(text);
        assertEquals(List.of("EXP-1", "EXP-8"), f.rows().stream().map(ExpenseRow::expenseId).toList());
        assertEquals(9, f.rows().get(1).row());
        assertEquals(6, f.badRows());
        List<String> messages = f.errors().stream().map(RowError::message).toList();
        assertEquals(List.of(
                "Row 3, column amount: '12,50' is not a number; use a dot as decimal separator.",
                "Row 4, column amount: '-35.00' is negative; an expense amount must be more than 0 (a refund is not an expense).",
                "Row 5, column amount: '1,234.00' is not a number; leave out the thousands separators and use a dot as decimal separator.",
                "Row 6, column amount: '$40.00' is not a number; write the amount without a currency symbol, code or spaces.",
                "Row 7, column date: '2026-11-31' is not a date in the calendar (check the day and the month).",
                "Row 7, column billable: 'maybe' is not yes, no, true or false.",
                "Row 7, column status: 'paid' is not approved, submitted or rejected.",
                "Row 7, column receipt: 'receipt.pdf' is not a web address (http:// or https://).",
                "Row 8, column date: '03/11/2026' is not a date in the form yyyy-MM-dd, e.g. 2026-11-03.",
                "Row 8, column employee_email: 'not-an-email' is not an email address.",
                "Row 8, column project: the value is empty; project is required (project name exactly as in the PSA).",
                "Row 8, column currency: 'GBR' is not an ISO 4217 currency code (e.g. GBP, EUR, USD).",
                "Row 8, column tax_amount: '11.00' is more than the amount 10.00; the amount includes the tax."),
                messages);
        RowError first = f.errors().get(0);
        assertEquals(3, first.row());
        assertEquals("amount", first.column());
        assertEquals("12,50", first.value());
    }

    @Test
    void taxMoreThanTheAmountIsAnError() throws IOException {
        ExpenseFile f = read(HEADER + GOOD.replace("20.90", "130.00"));
        assertEquals(List.of("Row 2, column tax_amount: '130.00' is more than the amount 125.40; the amount"
                + " includes the tax."), f.errors().stream().map(RowError::message).toList());
    }

    @Test
    void aDuplicateExpenseIdIsAnErrorOnTheSecondRowOnly() throws IOException {
        ExpenseFile f = read(HEADER + row("EXP-2", "1.00") + row("EXP-3", "2.00") + row("EXP-2", "1.00"));
        assertEquals(List.of("EXP-2", "EXP-3"), f.rows().stream().map(ExpenseRow::expenseId).toList());
        assertEquals(List.of("Row 4, column expense_id: 'EXP-2' is already on row 2; each expense must appear once"
                + " in a file."), f.errors().stream().map(RowError::message).toList());
    }

    @Test
    void tooManyValuesAndBrokenQuotingAreRowErrors() throws IOException {
        ExpenseFile f = read(HEADER + GOOD.replace("\"Train London, Manchester\"", "Train London, Manchester")
                + row("EXP-3", "2.00")
                + row("EXP-4", "3.00").replace("Lunch", "Lunch \"big\""));
        assertEquals(List.of("EXP-3"), f.rows().stream().map(ExpenseRow::expenseId).toList());
        assertEquals(2, f.errors().get(0).row());
        assertTrue(f.errors().get(0).message().startsWith("Row 2: it has 13 values but the header row has 12 columns"),
                f.errors().get(0).message());
        assertEquals(4, f.errors().get(1).row());
        assertTrue(f.errors().get(1).message().contains("quote"), f.errors().get(1).message());
    }

    @Test
    void blankLinesAreSkippedButStillCountAsRows() throws IOException {
        ExpenseFile f = read(HEADER + "\r\n,,,\r\n" + row("EXP-2", "abc") + "\r\n");
        assertEquals(List.of(), f.rows());
        assertEquals(4, f.errors().get(0).row());
    }

    @Test
    void aFileThatIsNotAnExpenseReportGivesOneErrorNamingTheFile() {
        String empty = assertThrows(ExpenseFileException.class, () -> read("")).getMessage();
        assertTrue(empty.startsWith("november.csv is empty"), empty);
        String bomOnly = assertThrows(ExpenseFileException.class, () -> read("\uFEFF\r\n")).getMessage();
        assertTrue(bomOnly.startsWith("november.csv is empty"), bomOnly);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String binary = assertThrows(ExpenseFileException.class, () -> read(png)).getMessage();
        assertTrue(binary.startsWith("november.csv is not a CSV text file"), binary);
        byte[] zeros = "expense_id\0\0\0,date".getBytes(StandardCharsets.US_ASCII);
        assertTrue(assertThrows(ExpenseFileException.class, () -> read(zeros)).getMessage()
                .contains("binary data"));

        String missing = assertThrows(ExpenseFileException.class,
                () -> read("expense_id,date,employee_email,project,category\r\nE1,2026-11-01,a@b.example,P,c\r\n"))
                .getMessage();
        assertEquals("november.csv lacks the required column(s) amount, currency, billable, status in its header row"
                + " (row 1); the required columns are expense_id, date, employee_email, project, category, amount,"
                + " currency, billable, status.", missing);
        String foreign = assertThrows(ExpenseFileException.class, () -> read("Name,Age\nBob,4\n")).getMessage();
        assertTrue(foreign.startsWith("november.csv does not look like an expense report"), foreign);
        String twice = assertThrows(ExpenseFileException.class, () -> read(HEADER.replace("receipt", "Amount")))
                .getMessage();
        assertTrue(twice.contains("has the column amount twice"), twice);
    }

    @Test
    void latin1TextLaterInTheFileIsRefusedWithTheRow() {
        byte[] head = (HEADER + GOOD).getBytes(StandardCharsets.UTF_8);
        byte[] bad = row("EXP-2", "1.00").replace("Lunch", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        String m = assertThrows(ExpenseFileException.class, () -> read(all)).getMessage();
        assertEquals("november.csv is not a UTF-8 text file (the problem is at row 3); export the report again as CSV"
                + " in UTF-8 (\"CSV UTF-8\" in Excel).", m);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("gone.csv");
        String m = assertThrows(ExpenseFileException.class, () -> ExpenseCsvReader.read(f)).getMessage();
        assertEquals("The expense file " + f + " does not exist.", m);
    }

    @Test
    void writtenRowsReadBackEqual(@TempDir Path dir) throws IOException {
        ExpenseFile in = read(HEADER + GOOD + row("EXP-2", "7.25").replace("Lunch",
                "\"Lunch \"\"big\"\"\nand more\""));
        assertEquals(2, in.rows().size(), in.errors().toString());
        Path out = dir.resolve("export.csv");
        ExpenseCsvWriter.write(out, in.rows());
        assertEquals(0xEF, Files.readAllBytes(out)[0] & 0xff, "UTF-8 byte order mark for Excel");
        ExpenseFile back = ExpenseCsvReader.read(out);
        assertEquals(List.of(), back.errors());
        assertEquals(in.rows().get(0), back.rows().get(0));
        assertEquals("Lunch \"big\"\nand more", back.rows().get(1).description());
        assertEquals(in.rows().get(1), back.rows().get(1));
    }
}
