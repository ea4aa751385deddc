package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.ManualClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HubSpot CRM v3/v4 routes of {@link HubSpotSandbox} on the wire: paging, search, writes, associations. */
class HubSpotSandboxTest {
    private static final long NOV_1 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private HubSpotSandbox sandbox;
    private SandboxClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = HubSpotSandbox.builder().clock(clock).build().start();
        api = new SandboxClient(sandbox.baseUrl(), sandbox.token(), null);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Set<String> pageAll(String type, int limit) {
        Set<String> ids = new HashSet<>();
        int seen = 0;
        String after = null;
        do {
            var r = api.get("/crm/v3/objects/" + type + "?limit=" + limit + "&properties=name"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            assertEquals(200, r.status(), r.body());
            JsonNode page = r.json();
            assertTrue(page.path("results").size() <= limit);
            for (JsonNode rec : page.path("results")) {
                ids.add(rec.path("id").asText());
                seen++;
            }
            after = page.path("paging").path("next").path("after").asText(null);
        } while (after != null);
        assertEquals(seen, ids.size(), "no record twice");
        return ids;
    }

    @Test
    void listPagingWithAfterReturnsEveryRecordOnce() {
        assertEquals(26, pageAll("companies", 7).size());
        assertEquals(52, pageAll("contacts", 10).size());
        assertEquals(30, pageAll("deals", 100).size());
        assertEquals(sandbox.counts().get("line_items"), pageAll("line_items", 3).size());
        assertEquals(pageAll("deals", 4), pageAll("0-3", 9), "0-3 is the deals object type id");
        assertEquals(400, api.get("/crm/v3/objects/deals?limit=101").status());
        var bad = api.get("/crm/v3/objects/deals?after=not-a-cursor");
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_ERROR", bad.json().path("category").asText());
    }

    @Test
    void recordShapeAndPropertySelection() {
        JsonNode first = api.get("/crm/v3/objects/deals?limit=1").json().path("results").path(0);
        JsonNode p = first.path("properties");
        for (String name : new String[] {"dealname", "amount", "closedate", "pipeline", "dealstage", "createdate",
            "hs_lastmodifieddate", "hs_object_id"}) {
            assertTrue(p.has(name), "default property " + name + " in " + p);
        }
        assertEquals(first.path("id").asText(), p.path("hs_object_id").asText());
        assertEquals(p.path("hs_lastmodifieddate").asText(), first.path("updatedAt").asText());
        assertFalse(first.path("archived").asBoolean());
        assertFalse(p.has("crossbill_billing_method"), "not asked for");
        JsonNode one = api.get("/crm/v3/objects/deals/" + first.path("id").asText()
                + "?properties=crossbill_billing_method&properties=crossbill_region,deal_currency_code").json();
        assertTrue(one.path("properties").path("crossbill_billing_method").asText().matches("time_and_materials|fixed_fee"));
        assertTrue(one.path("properties").has("crossbill_region"));
        assertTrue(one.path("properties").has("deal_currency_code"));
        var missing = api.get("/crm/v3/objects/deals/999");
        assertEquals(404, missing.status());
        assertEquals("OBJECT_NOT_FOUND", missing.json().path("category").asText());
        assertEquals("error", missing.json().path("status").asText());
        assertNotNull(missing.json().path("correlationId").asText(null));
    }

    private JsonNode search(String type, String body) {
        var r = api.send("POST", "/crm/v3/objects/" + type + "/search", body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void searchClosedWonChangedSinceNovemberPagesThroughAfter() {
        String q = """
                {"filterGroups":[{"filters":[{"propertyName":"dealstage","operator":"EQ","value":"closedwon"},
                  {"propertyName":"hs_lastmodifieddate","operator":"GTE","value":"%d"}]}],
                 "sorts":[{"propertyName":"hs_lastmodifieddate","direction":"ASCENDING"}],
                 "properties":["dealname","dealstage","closedate","amount"],"limit":3%s}""";
        Set<String> ids = new HashSet<>();
        String last = "";
        String after = null;
        int total = -1;
        do {
            JsonNode page = search("deals", q.formatted(NOV_1, after == null ? "" : ",\"after\":\"" + after + "\""));
            total = page.path("total").asInt();
            for (JsonNode d : page.path("results")) {
                assertTrue(ids.add(d.path("id").asText()));
                assertEquals("closedwon", d.path("properties").path("dealstage").asText());
                assertTrue(d.path("properties").path("closedate").asText().startsWith("2026-11"));
                String mod = d.path("properties").path("hs_lastmodifieddate").asText();
                assertTrue(mod.compareTo(last) >= 0, "ascending by last modified");
                last = mod;
            }
            after = page.path("paging").path("next").path("after").asText(null);
        } while (after != null);
        assertEquals(10, total);
        assertEquals(10, ids.size());
        // before November nothing had closed yet
        JsonNode none = search("deals", """
                {"filterGroups":[{"filters":[{"propertyName":"dealstage","operator":"EQ","value":"closedwon"},
                  {"propertyName":"hs_lastmodifieddate","operator":"LT","value":"2026-11-01T00:00:00Z"}]}]}""");
        assertEquals(0, none.path("total").asInt());
    }

    @Test
    void searchOperatorsAndFilterGroups() {
        JsonNode big = search("deals", """
                {"filterGroups":[{"filters":[{"propertyName":"amount","operator":"GT","value":"50000"},
                  {"propertyName":"deal_currency_code","operator":"IN","values":["GBP","EUR"]}]}],"limit":200,
                 "properties":["amount","deal_currency_code"]}""");
        assertTrue(big.path("total").asInt() > 0);
        for (JsonNode d : big.path("results")) {
            assertTrue(Double.parseDouble(d.path("properties").path("amount").asText()) > 50000, d.toString());
            assertTrue(Set.of("GBP", "EUR").contains(d.path("properties").path("deal_currency_code").asText()));
        }
        int won = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"EQ\",\"value\":\"closedwon\"}]}]}").path("total").asInt();
        int lost = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"EQ\",\"value\":\"closedlost\"}]}]}").path("total").asInt();
        int either = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"EQ\",\"value\":\"closedwon\"}]},{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"EQ\",\"value\":\"closedlost\"}]}]}").path("total").asInt();
        assertEquals(won + lost, either, "filter groups are ORed");
        int open = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"NOT_IN\",\"values\":[\"closedwon\",\"closedlost\"]}]}]}").path("total").asInt();
        assertEquals(30, won + lost + open);
        int withErpId = search("companies", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":"
                + "\"crossbill_erp_customer_id\",\"operator\":\"HAS_PROPERTY\"}]}]}").path("total").asInt();
        assertEquals(10, withErpId, "two customers per ERP country were linked before");
        var unknown = api.send("POST", "/crm/v3/objects/deals/search", "{\"filterGroups\":[{\"filters\":"
                + "[{\"propertyName\":\"deal_stage\",\"operator\":\"EQ\",\"value\":\"closedwon\"}]}]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().path("message").asText().contains("deal_stage"));
        assertEquals(400, api.send("POST", "/crm/v3/objects/deals/search", "{\"limit\":201}").status());
    }

    @Test
    void patchWritesBackAndBumpsLastModified() {
        JsonNode deal = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\","
                + "\"operator\":\"EQ\",\"value\":\"closedwon\"}]}],\"limit\":1}").path("results").path(0);
        String id = deal.path("id").asText();
        String created = deal.path("createdAt").asText();
        clock.advance(Duration.ofMinutes(5));
        var r = api.send("PATCH", "/crm/v3/objects/deals/" + id, """
                {"properties":{"crossbill_erp_customer_id":"0f6c2a51-5b2d-4c1e-9a1b-3c2d1e0f9a8b",
                  "crossbill_psa_project_id":"PRJ-0042","crossbill_expansion_flag":true}}""");
        assertEquals(200, r.status(), r.body());
        JsonNode read = api.get("/crm/v3/objects/deals/" + id
                + "?properties=crossbill_erp_customer_id,crossbill_psa_project_id,crossbill_expansion_flag").json();
        assertEquals("PRJ-0042", read.path("properties").path("crossbill_psa_project_id").asText());
        assertEquals("0f6c2a51-5b2d-4c1e-9a1b-3c2d1e0f9a8b",
                read.path("properties").path("crossbill_erp_customer_id").asText());
        assertEquals("true", read.path("properties").path("crossbill_expansion_flag").asText());
        assertEquals("2026-12-01T09:05:00.000Z", read.path("properties").path("hs_lastmodifieddate").asText());
        assertEquals("2026-12-01T09:05:00.000Z", read.path("updatedAt").asText());
        assertEquals(created, read.path("createdAt").asText());
        JsonNode changed = search("deals", "{\"filterGroups\":[{\"filters\":[{\"propertyName\":"
                + "\"hs_lastmodifieddate\",\"operator\":\"GTE\",\"value\":\"2026-12-01T09:00:00Z\"}]}]}");
        assertEquals(1, changed.path("total").asInt());
        assertEquals(id, changed.path("results").path(0).path("id").asText());
    }

    @Test
    void invalidPropertiesAre400NamingEachProperty() {
        String id = api.get("/crm/v3/objects/deals?limit=1").json().path("results").path(0).path("id").asText();
        var r = api.send("PATCH", "/crm/v3/objects/deals/" + id,
                "{\"properties\":{\"crossbill_tax_number\":\"GB1\",\"dealstage\":\"won\",\"amount\":\"lots\"}}");
        assertEquals(400, r.status());
        JsonNode b = r.json();
        assertEquals("VALIDATION_ERROR", b.path("category").asText());
        String message = b.path("message").asText();
        assertTrue(message.startsWith("Property values were not valid: "), message);
        assertTrue(message.contains("Property \\\"crossbill_tax_number\\\" does not exist"), message);
        assertTrue(message.contains("won was not one of the allowed options"), message);
        assertEquals(3, b.path("errors").size());
        assertEquals("crossbill_tax_number", b.path("errors").path(0).path("context").path("propertyName").path(0)
                .asText());
        assertEquals("INVALID_OPTION", b.path("errors").path(1).path("code").asText());
        var ro = api.send("PATCH", "/crm/v3/objects/deals/" + id, "{\"properties\":{\"hs_object_id\":\"1\"}}");
        assertEquals(400, ro.status());
        assertEquals("READ_ONLY_VALUE", ro.json().path("errors").path(0).path("code").asText());
        var notJson = api.send("POST", "/crm/v3/objects/companies", "{\"properties\":");
        assertEquals(400, notJson.status());
        assertTrue(notJson.json().path("message").asText().startsWith("Invalid input JSON"));
        int before = sandbox.counts().get("companies");
        assertEquals(400, api.send("POST", "/crm/v3/objects/companies",
                "{\"properties\":{\"name\":\"X\",\"crossbill_currency\":\"XXX\"}}").status());
        assertEquals(before, sandbox.counts().get("companies"), "a refused create creates nothing");
    }

    @Test
    void createWithAssociationsAndDuplicateContactEmail() {
        String company = api.get("/crm/v3/objects/companies?limit=1").json().path("results").path(0).path("id")
                .asText();
        var created = api.send("POST", "/crm/v3/objects/deals", """
                {"properties":{"dealname":"Expansion","dealstage":"qualifiedtobuy","amount":"12000.50"},
                 "associations":[{"to":{"id":"%s"},"types":[{"associationCategory":"HUBSPOT_DEFINED",
                   "associationTypeId":5}]}]}""".formatted(company));
        assertEquals(201, created.status(), created.body());
        JsonNode d = created.json();
        assertEquals("default", d.path("properties").path("pipeline").asText());
        assertEquals("12000.50", d.path("properties").path("amount").asText());
        JsonNode back = api.get("/crm/v4/objects/companies/" + company + "/associations/deals").json();
        boolean found = false;
        for (JsonNode r : back.path("results")) {
            if (r.path("toObjectId").asText().equals(d.path("id").asText())) {
                found = true;
                assertEquals(6, r.path("associationTypes").path(0).path("typeId").asInt(), "the inverse of 5");
            }
        }
        assertTrue(found, back.toString());
        String email = api.get("/crm/v3/objects/contacts?limit=1").json().path("results").path(0).path("properties")
                .path("email").asText();
        var dup = api.send("POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"" + email.toUpperCase()
                + "\",\"firstname\":\"Again\"}}");
        assertEquals(409, dup.status());
        assertEquals("CONFLICT", dup.json().path("category").asText());
        assertTrue(dup.json().path("message").asText().startsWith("Contact already exists. Existing ID: "));
    }

    @Test
    void associationsV4AndBatchReadOfLineItems() {
        JsonNode won = search("deals", """
                {"filterGroups":[{"filters":[{"propertyName":"crossbill_billing_method","operator":"EQ",
                  "value":"fixed_fee"},{"propertyName":"dealstage","operator":"EQ","value":"closedwon"}]}],
                 "properties":["dealname","amount"],"limit":100}""");
        assertTrue(won.path("total").asInt() >= 3);
        for (JsonNode deal : won.path("results")) {
            String id = deal.path("id").asText();
            JsonNode companies = api.get("/crm/v4/objects/deals/" + id + "/associations/companies").json();
            assertEquals(1, companies.path("results").size());
            Set<Integer> types = new HashSet<>();
            companies.path("results").path(0).path("associationTypes").forEach(t -> types.add(t.path("typeId").asInt()));
            assertEquals(Set.of(5, 341), types, "primary and unlabeled");
            JsonNode items = api.get("/crm/v4/objects/0-3/" + id + "/associations/line_items").json();
            int n = items.path("results").size();
            assertTrue(n == 2 || n == 3, "a fixed-fee deal has 2-3 milestones: " + n);
            StringBuilder inputs = new StringBuilder();
            for (JsonNode r : items.path("results")) {
                inputs.append(inputs.length() == 0 ? "" : ",").append("{\"id\":\"").append(r.path("toObjectId").asText())
                        .append("\"}");
            }
            var batch = api.send("POST", "/crm/v3/objects/line_items/batch/read",
                    "{\"properties\":[\"name\",\"price\",\"quantity\",\"amount\"],\"inputs\":[" + inputs + "]}");
            assertEquals(200, batch.status(), batch.body());
            double sum = 0;
            for (JsonNode li : batch.json().path("results")) {
                assertTrue(li.path("properties").path("name").asText().startsWith("Milestone "));
                sum += li.path("properties").path("amount").asDouble();
            }
            assertEquals(deal.path("properties").path("amount").asDouble(), sum, 0.001, "milestones sum to the deal");
        }
        var partial = api.send("POST", "/crm/v3/objects/line_items/batch/read", "{\"inputs\":[{\"id\":\"1\"}]}");
        assertEquals(207, partial.status());
        assertEquals("OBJECT_NOT_FOUND", partial.json().path("errors").path(0).path("category").asText());
        assertEquals(404, api.get("/crm/v4/objects/deals/1/associations/companies").status());
    }

    @Test
    void putDefaultAssociationLinksBothWays() {
        String contact = api.get("/crm/v3/objects/contacts?limit=1").json().path("results").path(0).path("id").asText();
        String deal = api.get("/crm/v3/objects/deals?limit=1").json().path("results").path(0).path("id").asText();
        int before = sandbox.counts().get("associations");
        var r = api.send("PUT", "/crm/v4/objects/deals/" + deal + "/associations/default/contacts/" + contact, null);
        assertEquals(200, r.status(), r.body());
        assertEquals("COMPLETE", r.json().path("status").asText());
        assertEquals(3, r.json().path("results").path(0).path("associationSpec").path("associationTypeId").asInt());
        boolean seen = false;
        for (JsonNode a : api.get("/crm/v4/objects/contacts/" + contact + "/associations/deals").json().path("results")) {
            seen |= a.path("toObjectId").asText().equals(deal);
        }
        assertTrue(seen);
        assertEquals(before + 1, sandbox.counts().get("associations"));
        assertEquals(404, api.send("PUT", "/crm/v4/objects/deals/" + deal + "/associations/default/contacts/7", null)
                .status());
    }

    @Test
    void archivedRecordsLeaveListsAndSearch() {
        String id = api.get("/crm/v3/objects/companies?limit=1").json().path("results").path(0).path("id").asText();
        assertEquals(204, api.send("DELETE", "/crm/v3/objects/companies/" + id, null).status());
        assertEquals(404, api.get("/crm/v3/objects/companies/" + id).status());
        assertFalse(pageAll("companies", 100).contains(id));
        assertEquals(25, sandbox.counts().get("companies"));
        JsonNode archived = api.get("/crm/v3/objects/companies?archived=true").json();
        assertEquals(id, archived.path("results").path(0).path("id").asText());
    }
}
