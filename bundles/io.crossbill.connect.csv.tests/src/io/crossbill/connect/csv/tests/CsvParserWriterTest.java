package io.crossbill.connect.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.connect.csv.CsvParser;
import io.crossbill.connect.csv.CsvWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserWriterTest {

    private static List<List<String>> parse(String text, char delimiter) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text), delimiter)) {
            for (List<String> r = p.next(); r != null; r = p.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void quotedValuesHoldDelimitersQuotesAndLineBreaks() throws IOException {
        List<List<String>> rows = parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\n", ',');
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("two\r\nlines", "", "x")), rows);
    }

    @Test
    void crlfLfAndCrEndRecordsAndAMissingLastLineBreakIsFine() throws IOException {
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"), List.of("7", "8")),
                parse("1,2\r\n3,4\n5,6\r7,8", ','));
    }

    @Test
    void recordNumbersCountSpreadsheetRowsNotLines() throws IOException {
        try (CsvParser p = new CsvParser(new StringReader("h1,h2\n\"multi\nline\",x\nlast,y\n"), ',')) {
            p.next();
            p.next();
            assertEquals(2, p.recordNumber());
            assertEquals(List.of("last", "y"), p.next());
            assertEquals(3, p.recordNumber());
            assertNull(p.next());
        }
    }

    @Test
    void quotingMistakesAreReportedAndReadingGoesOn() throws IOException {
        try (CsvParser p = new CsvParser(new StringReader("ab\"c,d\nok,fine\n\"open,end"), ',')) {
            assertEquals(List.of("ab\"c", "d"), p.next());
            assertTrue(p.problem().contains("quote"), p.problem());
            assertEquals(List.of("ok", "fine"), p.next());
            assertNull(p.problem());
            assertEquals(List.of("open,end"), p.next());
            assertTrue(p.problem().contains("not closed"), p.problem());
        }
    }

    @Test
    void delimiterIsTakenFromTheHeader() {
        assertEquals(';', CsvParser.detectDelimiter("expense_id;date;\"a,b\";amount"));
        assertEquals(',', CsvParser.detectDelimiter("expense_id,date,\"a;b;c\",amount"));
        assertEquals(',', CsvParser.detectDelimiter("single"));
    }

    @Test
    void writerQuotesOnlyWhatNeedsItAndParserReadsItBack() throws IOException {
        List<List<String>> values = List.of(List.of("plain", "with,comma", "with \"quote\"", "two\nlines", " padded ",
                ""), List.of("x;y", "42", "é ü ß", "a\r\nb", "end", "\"\""));
        for (char d : new char[] {',', ';'}) {
            StringWriter s = new StringWriter();
            try (CsvWriter w = new CsvWriter(s, d)) {
                for (List<String> v : values) {
                    w.row(v);
                }
            }
            assertEquals(values, parse(s.toString(), d), "delimiter " + d);
            if (d == ',') {
                assertTrue(s.toString().startsWith("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\","
                        + "\" padded \",\r\nx;y,42,"), s.toString());
            }
        }
    }

    @Test
    void nullIsAnEmptyValueAndQuoteCannotBeTheDelimiter() throws IOException {
        StringWriter s = new StringWriter();
        new CsvWriter(s).row("a", null, "c");
        assertEquals("a,,c\r\n", s.toString());
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(s, '"'));
        assertThrows(IllegalArgumentException.class, () -> new CsvParser(new StringReader(""), '\n'));
    }
}
