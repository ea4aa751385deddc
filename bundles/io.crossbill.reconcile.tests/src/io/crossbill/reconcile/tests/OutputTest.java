package io.crossbill.reconcile.tests;

import static io.crossbill.reconcile.tests.Fixture.billed;
import static io.crossbill.reconcile.tests.Fixture.entry;
import static io.crossbill.reconcile.tests.Fixture.jan;
import static io.crossbill.reconcile.tests.Fixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.CustomerRecord;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationCsv;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON and CSV a result is written as read back to the same figures. */
class OutputTest {

    private static ReconciliationResult result() {
        ReconciliationInput.Builder b = jan();
        b.addEntry(billed("e1", "P1", "2026-01-05", 40, "137.50", "L1"));
        b.addEntry(billed("e2", "P1", "2026-01-05", 60, "100", "L1"));
        b.addLine(line("L1", "P1", "190.00"));
        b.addEntry(entry("e3", "Big, one", "2026-01-07", 30, "100"));
        b.addCustomer(new CustomerRecord(CustomerRecord.Source.CRM, "C1", "Kea, \"Consulting\"\nLtd", null, "NZ",
                "NZD", null, null, null, null));
        b.addCustomer(new CustomerRecord(CustomerRecord.Source.ERP, "C1", "Kea Consulting Ltd", null, "NZ", "NZD",
                null, null, null, null));
        b.addCustomer(new CustomerRecord(CustomerRecord.Source.PSA, "C1", "Kea Consulting Ltd", null, "NZ", "NZD",
                null, null, null, null));
        return new Reconciler().reconcile(b.build());
    }

    @Test
    void jsonParsesBack() throws Exception {
        ReconciliationResult r = result();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationJson.write(r, out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("2026-01", root.get("period").asText());
        assertEquals(r.breaks().size(), root.get("breaks").size());
        JsonNode under = root.get("breaks").get(0);
        ReconciliationBreak b = r.breaks().get(0);
        assertEquals(BreakType.TIME_UNDERBILLED.name(), under.get("type").asText());
        assertEquals(b.id(), under.get("id").asText());
        // 40 min at 137.50 = 91.666..., + 100.00 = 191.67; billed 190.00
        assertEquals("191.67", under.get("expected").asText());
        assertEquals("190.00", under.get("actual").asText());
        assertEquals("-1.67", under.get("variance").asText());
        assertTrue(under.get("expected").isTextual(), "amounts are strings");
        assertEquals(List.of("e1", "e2"), texts(under.get("entry_ids")));
        assertEquals(List.of("L1"), texts(under.get("line_refs")));
        assertEquals(r.breaks().size(), root.get("summary").get("breaks").asInt());
        assertEquals(1, root.get("summary").get("breaks_by_type").get("UNBILLED_ENTRY").asInt());
        assertEquals("Big, one", root.get("breaks").get(1).get("project_id").asText());
        assertEquals("50.00", root.get("kpis").get("unbilled_value_by_currency").get("NZD").asText());
        JsonNode md = root.get("breaks").get(2);
        assertEquals("Kea, \"Consulting\"\nLtd", md.get("values").get("crm").asText());
        assertTrue(md.get("expected").isNull());
        assertEquals(List.of("e1", "e2"), texts(root.get("matches").get(0).get("entry_ids")));
    }

    @Test
    void csvParsesBack(@TempDir Path dir) throws Exception {
        ReconciliationResult r = result();
        List<Path> files = ReconciliationCsv.write(r, dir);
        assertEquals(BreakType.values().length + 7, files.size());
        List<List<String>> under = parse(dir.resolve("breaks_time_underbilled.csv"));
        assertEquals(2, under.size());
        List<String> header = under.get(0);
        List<String> row = under.get(1);
        assertEquals(header.size(), row.size());
        assertEquals("191.67", row.get(header.indexOf("expected")));
        assertEquals("-1.67", row.get(header.indexOf("variance")));
        assertEquals("2", row.get(header.indexOf("entries")));

        List<List<String>> md = parse(dir.resolve("breaks_master_data_mismatch.csv"));
        List<String> h = md.get(0);
        assertEquals("crm=Kea, \"Consulting\"\nLtd | psa=Kea Consulting Ltd | erp=Kea Consulting Ltd",
                md.get(1).get(h.indexOf("values")));
        List<List<String>> unbilled = parse(dir.resolve("breaks_unbilled_entry.csv"));
        assertEquals("Big, one", unbilled.get(1).get(unbilled.get(0).indexOf("project_id")));

        List<List<String>> records = parse(dir.resolve("break_records.csv"));
        assertTrue(records.contains(List.of(r.breaks().get(0).id(), "entry", "e2")));
        assertEquals(List.of("break_id", "type"), parse(dir.resolve("breaks_currency_mismatch.csv")).get(0)
                .subList(0, 2));
        assertEquals(1, parse(dir.resolve("breaks_currency_mismatch.csv")).size(), "header alone");
        List<List<String>> kpis = parse(dir.resolve("kpis.csv"));
        assertTrue(kpis.contains(List.of("unbilled_at_close", "50.00", "NZD")), kpis.toString());
        List<List<String>> totals = parse(dir.resolve("totals_by_project.csv"));
        assertEquals(List.of("Big, one", "NZD", "50.00", "0.00", "50.00", "-50.00", "0.50", "0.50"),
                totals.get(1));
        assertEquals(List.of("P1", "NZD", "191.67", "190.00", "0.00", "-1.67", "1.67", "0.00"), totals.get(2));
        assertEquals(3, parse(dir.resolve("match_entries.csv")).size());
        assertTrue(Files.readString(dir.resolve("kpis.csv")).contains("\r\n"));
        for (Path f : files) {
            List<List<String>> rows = parse(f);
            for (List<String> r2 : rows) {
                assertEquals(rows.get(0).size(), r2.size(), f.getFileName() + ": " + r2);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** RFC 4180, written here independently of the writer. */
    static List<List<String>> parse(Path file) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                f.append(c);
            }
        }
        if (!row.isEmpty() || f.length() > 0) {
            throw new AssertionError("the file does not end with CRLF: " + file);
        }
        return rows;
    }
}
