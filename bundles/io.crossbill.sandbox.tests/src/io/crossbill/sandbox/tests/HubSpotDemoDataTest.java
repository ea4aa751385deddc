package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeded CRM agrees with the seeded ERP (same seed) and holds the bad data the workflows must catch. */
class HubSpotDemoDataTest {
    private static final Map<String, String> TAX_FORMAT = Map.of(
            "United Kingdom", "GB\\d{9}", "United States", "\\d{2}-\\d{7}", "New Zealand", "\\d{3}-\\d{3}-\\d{3}",
            "Australia", "\\d{2} \\d{3} \\d{3} \\d{3}", "Germany", "DE\\d{9}", "Japan", "T\\d{13}");
    private static final Map<String, String> CURRENCY = Map.of("United Kingdom", "GBP", "United States", "USD",
            "New Zealand", "NZD", "Australia", "AUD", "Germany", "EUR", "Japan", "JPY");

    private HubSpotSandbox hubspot;
    private XeroSandbox xero;
    private SandboxClient crm;

    @BeforeEach
    void start() throws Exception {
        hubspot = HubSpotSandbox.builder().build().start();
        xero = XeroSandbox.builder().limits(5, 10_000, 100_000).build().start();
        crm = new SandboxClient(hubspot.baseUrl(), hubspot.token(), null);
    }

    @AfterEach
    void stop() {
        hubspot.close();
        xero.close();
    }

    private List<JsonNode> all(String type, String props) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = crm.get("/crm/v3/objects/" + type + "?limit=100&properties=" + props
                    + (after == null ? "" : "&after=" + after)).json();
            page.path("results").forEach(out::add);
            after = page.path("paging").path("next").path("after").asText(null);
        } while (after != null);
        return out;
    }

    private Map<String, JsonNode> xeroContactsByName() {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode c : SandboxClient.accounting(xero).get("/Contacts?page=1&pageSize=1000").json().path("Contacts")) {
            out.putIfAbsent(c.path("Name").asText(), c);
        }
        return out;
    }

    @Test
    void sharedCustomersMatchTheErpAndCrmOnlyOnesDoNot() {
        Map<String, JsonNode> erp = xeroContactsByName();
        List<JsonNode> companies = all("companies",
                "name,country,city,crossbill_currency,crossbill_tax_id,crossbill_erp_customer_id");
        assertEquals(26, companies.size());
        Set<String> names = new HashSet<>();
        int shared = 0;
        List<String> invalid = new ArrayList<>();
        for (JsonNode c : companies) {
            JsonNode p = c.path("properties");
            String name = p.path("name").asText();
            String country = p.path("country").asText();
            names.add(name);
            assertEquals(CURRENCY.get(country), p.path("crossbill_currency").asText(), name);
            String tax = p.path("crossbill_tax_id").asText();
            if (!tax.matches(TAX_FORMAT.get(country))) {
                invalid.add(name + " " + tax);
            }
            JsonNode x = erp.get(name);
            if (x != null) {
                shared++;
                assertEquals(x.path("DefaultCurrency").asText(), p.path("crossbill_currency").asText(), name);
                assertEquals(x.path("TaxNumber").asText(), tax, name);
                assertEquals(x.path("Addresses").path(0).path("Country").asText(), country, name);
                String linked = p.path("crossbill_erp_customer_id").asText(null);
                if (linked != null) {
                    assertEquals(x.path("ContactID").asText(), linked, "the cross-reference points at " + name);
                }
            }
        }
        assertEquals(20, shared);
        assertTrue(names.containsAll(List.of("Harwell & Finch LLP", "Blackmoor Logistics Ltd",
                "Redwood Health Partners Inc", "Kauri Timber Ltd", "Wattle Energy Pty Ltd",
                "Rheinland Maschinenbau GmbH", "Spree Medien GmbH")));
        assertTrue(names.contains("\u682a\u5f0f\u4f1a\u793e\u30b5\u30af\u30e9"), "a non-Latin name");
        // the ERP's own bad VAT id comes along with Spree Medien; the CRM adds one of its own
        assertEquals(List.of("Spree Medien GmbH DE12345", "Alster Logistik GmbH DE98765"), invalid);
        assertFalse(erp.containsKey("Alster Logistik GmbH"));
    }

    @Test
    void dealsCoverEveryStageWithClosedWonNovemberWork() {
        List<JsonNode> deals = all("deals", "dealname,amount,dealstage,closedate,crossbill_billing_method,"
                + "deal_currency_code,pipeline");
        assertEquals(30, deals.size());
        Set<String> stages = new HashSet<>();
        int wonInNovember = 0;
        Set<String> billing = new HashSet<>();
        for (JsonNode d : deals) {
            JsonNode p = d.path("properties");
            stages.add(p.path("dealstage").asText());
            assertEquals("default", p.path("pipeline").asText());
            if (p.path("dealstage").asText().equals("closedwon") && p.path("closedate").asText().startsWith("2026-11")) {
                wonInNovember++;
                billing.add(p.path("crossbill_billing_method").asText());
                String id = d.path("id").asText();
                int items = crm.get("/crm/v4/objects/deals/" + id + "/associations/line_items").json()
                        .path("results").size();
                if (p.path("crossbill_billing_method").asText().equals("fixed_fee")) {
                    assertTrue(items >= 2 && items <= 3, p.path("dealname").asText());
                } else {
                    assertEquals(0, items);
                    assertTrue(p.path("amount").asDouble() > 0);
                }
            }
        }
        assertEquals(Set.of("appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
                "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"), stages);
        assertTrue(wonInNovember >= 8, "closed-won in November: " + wonInNovember);
        assertEquals(Set.of("time_and_materials", "fixed_fee"), billing);
        JsonNode alsterDeal = crm.send("POST", "/crm/v3/objects/deals/search", """
                {"query":"Alster","filterGroups":[{"filters":[{"propertyName":"dealstage","operator":"EQ",
                  "value":"closedwon"}]}]}""").json();
        assertEquals(1, alsterDeal.path("total").asInt(), "the invalid tax id reaches lead-to-project");
    }

    @Test
    void twoContactsPerCompany() {
        for (JsonNode c : all("companies", "name")) {
            JsonNode contacts = crm.get("/crm/v4/objects/companies/" + c.path("id").asText()
                    + "/associations/contacts").json().path("results");
            assertEquals(2, contacts.size(), c.path("properties").path("name").asText());
        }
        assertEquals(52, all("contacts", "email").size());
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() throws Exception {
        String mine = all("deals", "dealname,amount,hubspot_owner_id").toString();
        try (HubSpotSandbox again = HubSpotSandbox.builder().build().start();
                HubSpotSandbox other = HubSpotSandbox.builder().seed(7).build().start()) {
            SandboxClient a = new SandboxClient(again.baseUrl(), again.token(), null);
            List<JsonNode> same = new ArrayList<>();
            a.get("/crm/v3/objects/deals?limit=100&properties=dealname,amount,hubspot_owner_id").json().path("results")
                    .forEach(same::add);
            assertEquals(mine, same.toString());
            SandboxClient o = new SandboxClient(other.baseUrl(), other.token(), null);
            JsonNode first = o.get("/crm/v3/objects/deals?limit=1").json().path("results").path(0);
            assertNotNull(first.path("id").asText(null));
            assertFalse(mine.contains("\"id\":\"" + first.path("id").asText() + "\""), "other seed, other ids");
        }
    }
}
