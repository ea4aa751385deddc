package io.crossbill.connect.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.connect.csv.ExpenseCsvReader;
import io.crossbill.connect.csv.ExpenseFile;
import io.crossbill.connect.csv.ExpenseRow;
import io.crossbill.connect.csv.RowError;
import io.crossbill.sandbox.XeroSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo expense report that ships with the sandbox: its counts, and that it fits the sandbox's demo firm. */
class DemoExpensesTest {

    static ExpenseFile demo() throws IOException {
        URL inBundle = XeroSandbox.class.getResource("/demo/expenses-2026-11.csv");
        if (inBundle != null) {
            try (InputStream in = inBundle.openStream()) {
                return ExpenseCsvReader.read(in, "expenses-2026-11.csv");
            }
        }
        // run from the source tree, outside OSGi
        return ExpenseCsvReader.read(Path.of("../io.crossbill.sandbox/demo/expenses-2026-11.csv"));
    }

    @Test
    void fortyGoodRowsAndTheTwoDeliberatelyBadOnes() throws IOException {
        ExpenseFile f = demo();
        assertEquals(40, f.rows().size());
        assertEquals(List.of(), f.warnings());
        assertEquals(2, f.errors().size(), f.errors().toString());
        RowError negative = f.errors().get(0);
        assertEquals("amount", negative.column());
        assertEquals("-35.00", negative.value());
        RowError date = f.errors().get(1);
        assertEquals("date", date.column());
        assertEquals("2026-11-31", date.value());
        assertTrue(f.rows().stream().allMatch(r -> r.date().getMonthValue() == 11 && r.date().getYear() == 2026));
        long approvedBillable = f.rows().stream().filter(ExpenseRow::billableAndApproved).count();
        long submitted = f.rows().stream().filter(r -> r.status() == ExpenseRow.Status.SUBMITTED).count();
        long nonBillable = f.rows().stream().filter(r -> !r.billable()).count();
        assertTrue(approvedBillable > 20 && submitted > 0 && nonBillable > 0,
                approvedBillable + " / " + submitted + " / " + nonBillable);
        Set<String> categories = new HashSet<>();
        f.rows().forEach(r -> categories.add(r.category()));
        assertEquals(Set.of("travel", "hotel", "meals", "software"), categories);
    }

    @Test
    void everyRowNamesASandboxConsultantAndProjectInTheProjectsCurrency() throws Exception {
        ExpenseFile f = demo();
        try (XeroSandbox s = XeroSandbox.builder().build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            JsonNode projects = get(http, json, s, s.projectsBaseUrl() + "/Projects?pageSize=500");
            Map<String, String> currencyOf = new HashMap<>();
            projects.path("items").forEach(p -> currencyOf.put(p.path("name").asText(),
                    p.path("currencyCode").asText()));
            JsonNode users = get(http, json, s, s.projectsBaseUrl() + "/ProjectsUsers");
            Set<String> emails = new HashSet<>();
            users.path("items").forEach(u -> emails.add(u.path("email").asText()));
            assertEquals(6, emails.size());
            for (ExpenseRow r : f.rows()) {
                assertTrue(emails.contains(r.employeeEmail()), r.employeeEmail());
                assertEquals(currencyOf.get(r.project()), r.currency(), r.project() + " on row " + r.row());
            }
        }
    }

    private static JsonNode get(HttpClient http, ObjectMapper json, XeroSandbox s, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + s.token()).header("Xero-Tenant-Id", s.tenantId()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }
}
