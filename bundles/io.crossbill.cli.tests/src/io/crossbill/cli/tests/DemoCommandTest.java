package io.crossbill.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.cli.HeadlessApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./crossbill demo --json}: the headless main job, its counts named plainly, and nothing written twice. */
class DemoCommandTest {
    @TempDir
    Path workspace;

    @Test
    void theDemoCreatesProjectsAndInvoicesRaisesTheSeededExceptionsAndWritesNothingTheSecondTime() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeadlessApplication.run(workspace, new String[] {"demo", "--json"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toString());
        assertEquals(7, o.path("projects_created").asInt());
        assertEquals(1, o.path("customers_created").asInt());
        assertTrue(o.path("invoices_created").asInt() >= 10, o.toString());
        assertEquals(1, o.path("forecasts_updated").asInt());
        assertEquals(0, o.path("second_run_writes").asInt());
        JsonNode ex = o.path("exceptions_raised");
        assertTrue(ex.path("by_class").path("VALIDATION").asInt() >= 2, ex.toString());
        assertTrue(ex.path("by_class").path("DUPLICATE").asInt() >= 2, ex.toString());
        int sum = 0;
        for (JsonNode n : ex.path("by_class")) {
            sum += n.asInt();
        }
        assertEquals(ex.path("total").asInt(), sum);
        // the totals per currency are the sums of the invoices listed, to the cent
        Map<String, BigDecimal> totals = new HashMap<>();
        for (JsonNode i : o.path("invoices")) {
            totals.merge(i.path("currency").asText(), new BigDecimal(i.path("sub_total").asText()), BigDecimal::add);
        }
        assertEquals(o.path("invoice_total").size(), totals.size());
        totals.forEach((cur, t) -> assertEquals(0, t.compareTo(new BigDecimal(o.path("invoice_total").path(cur)
                .asText())), cur));
    }
}
