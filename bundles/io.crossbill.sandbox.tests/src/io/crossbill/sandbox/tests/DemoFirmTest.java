package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoFirmTest {
    private static XeroSandbox started(long seed) throws Exception {
        return XeroSandbox.builder().seed(seed).clock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z")))
                .limits(5, 100_000, 100_000).build().start();
    }

    @Test
    void seedCountsAndIdsAreStable() throws Exception {
        try (XeroSandbox a = started(XeroSandbox.DEFAULT_SEED); XeroSandbox b = started(XeroSandbox.DEFAULT_SEED)) {
            assertEquals(a.counts(), b.counts());
            assertEquals(38, a.counts().get("contacts"));
            assertEquals(14, a.counts().get("projects"));
            assertEquals(6, a.counts().get("users"));
            assertEquals(6, a.counts().get("invoices"));
            assertEquals(42, a.counts().get("tasks"));
            assertEquals(a.counts().get("timeEntries"), b.counts().get("timeEntries"));
            String ca = SandboxClient.accounting(a).get("/Contacts?page=1").body();
            String cb = SandboxClient.accounting(b).get("/Contacts?page=1").body();
            assertEquals(strip(ca), strip(cb));
        }
        try (XeroSandbox other = started(7L)) {
            assertEquals(38, other.counts().get("contacts"));
        }
    }

    /** Drops the per-response envelope Id, which is random like Xero's. */
    private static String strip(String body) {
        return body.replaceFirst("\"Id\":\"[^\"]+\"", "");
    }

    @Test
    void seedContainsTheBadDataTheWorkflowsMustCatch() throws Exception {
        try (XeroSandbox s = started(XeroSandbox.DEFAULT_SEED)) {
            var acc = SandboxClient.accounting(s);
            var prj = SandboxClient.projects(s);
            JsonNode contacts = acc.get("/Contacts").json().path("Contacts");
            Set<String> countries = new HashSet<>();
            Set<String> currencies = new HashSet<>();
            Map<String, Integer> byTax = new HashMap<>();
            boolean badVat = false;
            for (JsonNode c : contacts) {
                countries.add(c.path("Addresses").get(0).path("Country").asText());
                currencies.add(c.path("DefaultCurrency").asText());
                byTax.merge(c.path("TaxNumber").asText(), 1, Integer::sum);
                badVat |= c.path("TaxNumber").asText().equals("DE12345");
            }
            assertEquals(5, countries.size());
            assertEquals(Set.of("GBP", "USD", "NZD", "AUD", "EUR"), currencies);
            assertTrue(badVat, "invalid German VAT id");
            assertTrue(byTax.containsValue(2), "two contacts share a tax number");

            JsonNode projects = prj.get("/Projects?pageSize=100").json().path("items");
            Set<String> contactIds = new HashSet<>();
            contacts.forEach(c -> contactIds.add(c.path("ContactID").asText()));
            int closedEntries = 0;
            Map<String, Integer> minutesPerUserDay = new HashMap<>();
            for (JsonNode p : projects) {
                assertTrue(contactIds.contains(p.path("contactId").asText()), "project tied to an Accounting contact");
                JsonNode entries = prj.get("/Projects/" + p.path("projectId").asText() + "/Time?pageSize=500")
                        .json().path("items");
                if (p.path("status").asText().equals("CLOSED")) {
                    closedEntries += entries.size();
                }
                for (JsonNode e : entries) {
                    assertTrue(e.path("dateUtc").asText().startsWith("2026-10")
                            || e.path("dateUtc").asText().startsWith("2026-11"));
                    minutesPerUserDay.merge(e.path("userId").asText() + e.path("dateUtc").asText(),
                            e.path("duration").asInt(), Integer::sum);
                }
            }
            assertTrue(closedEntries > 0, "time on a closed project");
            assertTrue(minutesPerUserDay.values().stream().anyMatch(m -> m > 24 * 60), "a day over 24 h");
            assertNotEquals(0, prj.get("/Projects/" + projects.get(0).path("projectId").asText()
                    + "/Time?states=INVOICED").json().path("items").size());
        }
    }
}
